// Tests that a suspended generator inside try/finally handles return() and throw() sent after migration: the
// finally block runs, a caught exception continues the generator, and delegation through yield* is kept.
"use strict";

const log = [];
function* inner()
{
    try {
        yield "inner 1";
        yield "inner 2";
    } finally {
        log.push("inner finally");
    }
}

function* outer()
{
    try {
        yield* inner();
    } catch (error) {
        log.push(`outer caught ${error}`);
        yield "after catch";
    }
    try {
        yield "before return";
    } finally {
        log.push("outer finally");
    }
}

const first = outer();
first.next();
const second = outer();
second.next();
second.next();

step(() => {
    print("throw into delegated generator:", first.throw("boom").value);
    print("log:", log.join(", "));
});

step(() => {
    print("continue:", first.next().value);
    print("return during try:", JSON.stringify(first.return("early")));
    print("second leaves inner (its finally runs):", second.next().value, "|", log.join(", "));
});

step(() => {
    print("return second while in try:", JSON.stringify(second.return(1)));
    print("log:", log.join(", "));
});
