// Tests that instances of a class extending Array stay exotic arrays of that class after migration: length tracks
// elements, Array.isArray holds, methods like map create instances of the subclass (species), and own methods work.
"use strict";

class Stack extends Array {
    peek() { return this[this.length - 1]; }
    get top() { return this.peek(); }
}

const stack = new Stack();
stack.push(1, 2, 3);
stack.label = "numbers";

step(() => {
    print("length:", stack.length, "peek:", stack.peek(), "top:", stack.top);
    print("isArray:", Array.isArray(stack), "instanceof Stack:", stack instanceof Stack, "instanceof Array:", stack instanceof Array);
    stack[9] = 10;
});

step(() => {
    print("length tracks index write:", stack.length, "label:", stack.label);
    const doubled = stack.map((value) => value * 2);
    print("species:", doubled instanceof Stack, doubled.length, doubled.peek());
    stack.length = 2;
    print("truncated:", stack.join(","), stack.peek());
});
