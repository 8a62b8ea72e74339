// Tests that an exception escaping a turn is reported ("Uncaught ...") without ending the program: the state the
// turn changed before throwing is kept, later turns (queued before and by the failing turn) still run, and a
// migration after the failing turn carries that partial state.
"use strict";

const ledger = { entries: [], balance: 0 };

function apply(amount)
{
    ledger.entries.push(amount);
    if (amount < 0 && ledger.balance + amount < 0)
        throw new Error(`overdraft by ${-(ledger.balance + amount)}`);
    ledger.balance += amount;
}

step(() => apply(10));
step(() => {
    step(() => print("turn queued by the failing turn ran; entries:", ledger.entries.join(",")));
    apply(-25);
    print("not reached");
});
step(() => {
    print("balance after the failed turn:", ledger.balance, "entries:", ledger.entries.join(","));
    apply(5);
});
step(() => print("final balance:", ledger.balance));
