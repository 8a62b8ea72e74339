// Tests that two closures created in the same scope still share one mutable variable after migration: a write by
// one is seen by the other, and two separate calls of the factory keep two separate scopes.
"use strict";

function makeAccount()
{
    let balance = 0;
    const deposit = (amount) => { balance += amount; return balance; };
    const read = () => balance;
    return { deposit, read };
}

const ada = makeAccount();
const bob = makeAccount();
ada.deposit(5);

step(() => {
    ada.deposit(10);
    print("ada reads:", ada.read(), "bob reads:", bob.read());
});

step(() => {
    bob.deposit(1);
    print("ada reads:", ada.read(), "bob reads:", bob.read());
    globalThis.adaRead = ada.read;
});

step(() => {
    ada.deposit(100);
    print("detached reader sees shared write:", globalThis.adaRead());
});
