// Tests that references to well-known symbols stay identical to the engine's own (Symbol.iterator etc.), so that
// objects using them as keys keep being iterable, convertible and tagged after migration.
"use strict";

const savedIterator = Symbol.iterator;
const range = {
    from: 1,
    to: 4,
    [Symbol.iterator]() {
        let current = this.from;
        const last = this.to;
        return { next: () => current <= last ? { value: current++, done: false } : { value: undefined, done: true } };
    },
};
const money = { amount: 5, [Symbol.toPrimitive](hint) { return hint === "number" ? this.amount : `${this.amount} EUR`; } };
const tagged = { [Symbol.toStringTag]: "Tagged" };
class Even {
    static [Symbol.hasInstance](value) { return value % 2 === 0; }
}

step(() => {
    print("saved === Symbol.iterator:", savedIterator === Symbol.iterator);
    print("spread range:", [...range].join(","));
    print("toPrimitive:", +money, `${money}`);
    print("toStringTag:", Object.prototype.toString.call(tagged));
    print("hasInstance:", 4 instanceof Even, 3 instanceof Even);
});

step(() => {
    range.to = 6;
    print("spread after change:", [...range].join(","));
    print("symbol keys:", Object.getOwnPropertySymbols(range).map(String).join(","));
});
