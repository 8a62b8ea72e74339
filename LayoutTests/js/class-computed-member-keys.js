// Tests class methods, accessors and static methods with computed keys (strings built from bindings, a symbol, a
// well-known symbol), and an object literal whose computed methods are listed by the engine in another order than
// written (symbols after strings): each rebuilt function is the one written for its key, held under the key it had,
// without evaluating the key expressions again, and a computed method the program deleted stays deleted.
"use strict";

const prefix = "get";
const tag = Symbol("tag");
class Thing {
    [prefix + "Name"]() { return "thing"; }
    static [`make${prefix}`]() { return new Thing(); }
    get [tag]() { return "symbol getter"; }
    *[Symbol.iterator]() { yield 1; yield 2; }
    [prefix + "Gone"]() { return "gone"; }
}
delete Thing.prototype.getGone;
const thing = new Thing();
const literal = {
    [tag]() { return "tagged method"; },
    [prefix + "Value"]() { return "value method"; },
    get [Symbol.toPrimitive]() { return () => 42; },
};

step(() => {
    print(thing.getName(), Thing.makeget().getName(), thing[tag], [...thing].join());
    print(Object.getOwnPropertyNames(Thing.prototype).join(), Object.getOwnPropertyNames(Thing).join(), "getGone" in thing);
});

step(() => {
    print(new Thing().getName(), Object.getOwnPropertySymbols(Thing.prototype).length);
    print(literal[tag](), literal.getValue(), +literal);
});
