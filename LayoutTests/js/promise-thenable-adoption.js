// Tests promise resolution with thenables across turns: a promise resolved with a user thenable calls its then
// method in a microtask, the thenable settles it in a later turn, and async functions awaiting it resume.
"use strict";

const settlers = [];
const thenable = {
    calls: 0,
    then(onFulfilled, onRejected) {
        ++this.calls;
        settlers.push(onFulfilled);
    },
};
const adopted = Promise.resolve(thenable);
adopted.then((value) => print("adopted value:", value));
(async () => {
    const value = await thenable;
    print("await on thenable resumed with:", value);
})();

step(() => {
    print("then called by the engine (Promise.resolve and await):", thenable.calls);
    settlers.forEach((settle, index) => settle(`from thenable ${index}`));
});

step(() => {
    print("calls at end:", thenable.calls, "adopted is a different promise:", adopted !== thenable);
});
