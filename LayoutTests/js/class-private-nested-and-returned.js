// Tests private names across nested classes and class factories: an inner class whose methods use the outer
// class's private names, a class expression evaluated once per factory call (each evaluation has its own names,
// which do not work on the other's instances), and private fields added to a plain object by a subclass whose
// base constructor returns that object.
"use strict";

class Outer {
    #hidden = "outer secret";
    static Peeker = class {
        #peeks = 0;
        peek(outer) {
            ++this.#peeks;
            return `${outer.#hidden} (peek ${this.#peeks})`;
        }
    };
    reveal(peeker) { return peeker.peek(this); }
}

function makeCounterClass(start) {
    return class Counter {
        #value = start;
        next() { return ++this.#value; }
        static owns(o) { return #value in o; }
        read(other) {
            try {
                return other.#value;
            } catch (error) {
                return error.constructor.name;
            }
        }
    };
}

class ReturnsGiven {
    constructor(object) { return object; }
}
class Tag extends ReturnsGiven {
    #tag = "tagged";
    static tagOf(o) { return o.#tag; }
}

const outer = new Outer();
const peeker = new Outer.Peeker();
const CounterA = makeCounterClass(10);
const CounterB = makeCounterClass(100);
const a = new CounterA();
const b = new CounterB();
const plain = { kind: "plain" };
new Tag(plain);
const list = [1, 2];
new Tag(list);

step(() => {
    print(outer.reveal(peeker), "|", peeker.peek(outer));
    print(a.next(), b.next(), CounterA.owns(a), CounterA.owns(b), CounterB.owns(b), a.read(b));
    print(Tag.tagOf(plain), Tag.tagOf(list), JSON.stringify(plain), JSON.stringify(list), Array.isArray(list));
});

step(() => {
    print(peeker.peek(outer), a.next(), b.next(), a.read(a), CounterA === CounterB);
});
