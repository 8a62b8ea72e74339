// Tests closures created inside a catch block: they capture the catch parameter (including a destructured one)
// and block-scoped variables of the catch body, separately for each caught exception.
"use strict";

const handlers = [];
for (const code of [1, 2]) {
    try {
        throw { code, detail: `failure ${code}` };
    } catch ({ code: caughtCode, detail }) {
        let retries = 0;
        handlers.push(() => `${caughtCode}:${detail}:${++retries}`);
    }
}

let plainHandler;
try {
    throw new Error("plain");
} catch (error) {
    plainHandler = () => error.message;
    error.message = "changed inside catch";
}

step(() => {
    print(handlers[0](), handlers[1]());
    print("plain:", plainHandler());
});

step(() => {
    print(handlers[0](), handlers[0](), handlers[1]());
});
