// Tests code made at run time from the same source again and again (new Function and eval in a loop, which the
// runtime instruments once): every call still makes a distinct function with its own properties and closure, and all
// of them travel.
"use strict";

const made = [];
for (let i = 0; i < 3; ++i) {
    const adder = new Function("a", "return a + 1;");
    adder.index = i;
    const counter = eval("(() => { let count = i * 10; return () => ++count; })()");
    made.push({ adder, counter });
}

print("distinct:", made[0].adder !== made[1].adder, made[1].counter !== made[2].counter);

step(() => {
    print("after migration:", made.map(({ adder, counter }) => `${adder.index}:${adder(1)}:${counter()}`).join(" "));
    print("still distinct:", made[0].adder !== made[2].adder, made[0].adder.toString() === made[2].adder.toString());
});
