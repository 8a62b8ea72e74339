// Tests that an object-literal method using super keeps the restored object itself as its home object: when the
// object's prototype is changed after a migration, super reads the new prototype, as it would without migration.
"use strict";

const first = { greet() { return "first"; } };
const second = { greet() { return "second"; } };
const greeter = {
    __proto__: first,
    greet() { return `greeter > ${super.greet()}`; },
};
const borrowed = greeter.greet;

step(() => {
    print(greeter.greet(), borrowed.call(null));
});

step(() => {
    Object.setPrototypeOf(greeter, second);
    print(greeter.greet(), borrowed.call(null));
});

step(() => {
    Object.setPrototypeOf(greeter, null);
    try {
        greeter.greet();
    } catch (error) {
        print("no prototype:", error instanceof TypeError);
    }
});
