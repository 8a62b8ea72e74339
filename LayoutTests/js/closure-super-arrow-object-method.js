// Tests that an arrow made in an object-literal method and using super keeps the method's home object (the object
// itself) and `this` across migration: it follows a later change of the object's prototype, and it shares the
// method call's bindings with another closure made in the same call.
"use strict";

const english = { hello(name) { return `hello ${name}`; } };
const french = { hello(name) { return `bonjour ${name}`; } };
const speaker = {
    __proto__: english,
    name: "speaker",
    talker() {
        let count = 0;
        return {
            talk: () => `${++count}: ${super.hello(this.name)}`,
            reset: () => { count = 0; },
        };
    },
};
const { talk, reset } = speaker.talker();

step(() => {
    print(talk(), talk());
});

step(() => {
    Object.setPrototypeOf(speaker, french);
    reset();
    print(talk());
});

step(() => {
    speaker.name = "renamed";
    print(talk());
});
