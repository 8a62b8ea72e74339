// Tests static private fields, static private methods, private accessors and the brand of private methods
// (`#m in o`): the class keeps its static state, instances keep their brand, and objects without it stay without.
"use strict";

class Registry {
    static #count = 0;
    static #names = [];
    #id;
    static #nextId() { return ++Registry.#count; }
    static add(name) {
        const entry = new Registry();
        Registry.#names.push(name);
        return entry;
    }
    constructor() { this.#id = Registry.#nextId(); }
    #secret() { return `secret ${this.#id}`; }
    get #doubled() { return this.#id * 2; }
    set #doubled(value) { this.#id = value / 2; }
    static isEntry(o) { return #secret in o; }
    describe() { return `${this.#secret()} doubled=${this.#doubled}`; }
    scale(factor) { this.#doubled = this.#doubled * factor; }
    static summary() { return `${Registry.#count} entries: ${Registry.#names.join(",")}`; }
}

const first = Registry.add("first");
const second = Registry.add("second");
const plain = { describe: first.describe };

step(() => {
    print(Registry.summary());
    print(first.describe(), "|", second.describe());
    print("brands:", Registry.isEntry(first), Registry.isEntry(second), Registry.isEntry(plain));
    second.scale(3);
    Registry.add("third");
});

step(() => {
    print(Registry.summary());
    print(second.describe());
    try {
        plain.describe();
    } catch (error) {
        print("borrowed method:", error.constructor.name);
    }
});
