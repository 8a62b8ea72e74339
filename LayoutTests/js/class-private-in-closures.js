// Tests closures that reach private fields and private methods of the instance that created them: an arrow made in
// a method keeps `this`, and its #private accesses still work after migration.
"use strict";

class Clock {
    #ticks = 0;
    #label;

    constructor(label)
    {
        this.#label = label;
    }

    #format() { return `${this.#label}: ${this.#ticks}`; }

    makeTicker()
    {
        return () => {
            ++this.#ticks;
            return this.#format();
        };
    }
}

const tickA = new Clock("A").makeTicker();
const tickB = new Clock("B").makeTicker();
tickA();

step(() => {
    print(tickA(), "|", tickB());
});

step(() => {
    print(tickA(), "|", tickB(), "|", tickB());
});
