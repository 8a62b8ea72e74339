// Tests that objects of built-in kinds keep their kind across a migration when nothing in their prototype chain says
// it any more: their prototype replaced (Object.setPrototypeOf, Reflect.setPrototypeOf, `__proto__`), made by
// Reflect.construct with another constructor's prototype, or given a @@toStringTag of the program that names another
// kind. Object.prototype.toString would call each of them a plain object, or the wrong kind; the built-in methods
// called on them afterwards prove they are still what they were.
"use strict";

const Plain = function () {};
Plain.prototype.describe = function () { return "plain"; };

class TaggedMap extends Map {}
Object.defineProperty(TaggedMap.prototype, Symbol.toStringTag, { value: "Object" });
class NamedRegExp extends RegExp {}
NamedRegExp.prototype[Symbol.toStringTag] = "Thing";
class DetachedSet extends Set {}

const key = { name: "weak key" };
const state = {
    nullMap: Object.setPrototypeOf(new Map([["a", 1]]), null),
    protoSet: new Set([1, 2]),
    weakMap: new WeakMap([[key, "kept"]]),
    buffer: Reflect.construct(ArrayBuffer, [4], Plain),
    taggedDate: new Date(Date.UTC(2026, 11, 7)),
    taggedMap: new TaggedMap([["k", "v"]]),
    namedRegExp: new NamedRegExp("ab+", "g"),
    nullError: Object.setPrototypeOf(new RangeError("out of range"), null),
    number: Object.setPrototypeOf(new Number(42), Plain.prototype),
    detachedSet: new DetachedSet(["x"]),
    frozenMap: Object.freeze(Object.setPrototypeOf(new Map([[1, "one"]]), null)),
};
state.protoSet.__proto__ = Object.prototype;
Reflect.setPrototypeOf(state.weakMap, Plain.prototype);
// The subclass's prototype leaves Set.prototype after its instance is made (the constructor calls `add` through it).
Object.setPrototypeOf(DetachedSet.prototype, Plain.prototype);
state.taggedDate[Symbol.toStringTag] = "Object";
new Uint8Array(state.buffer).set([1, 2, 3, 4]);
state.namedRegExp.lastIndex = 3;

function show(label)
{
    print(label);
    print("  nullMap:", Map.prototype.get.call(state.nullMap, "a"), Object.getPrototypeOf(state.nullMap));
    print("  protoSet:", Set.prototype.has.call(state.protoSet, 2), Object.prototype.toString.call(state.protoSet));
    print("  weakMap:", WeakMap.prototype.get.call(state.weakMap, key), state.weakMap.describe());
    print("  buffer:", new Uint8Array(state.buffer).join(","), state.buffer instanceof Plain);
    print("  taggedDate:", Date.prototype.toISOString.call(state.taggedDate), Object.prototype.toString.call(state.taggedDate));
    print("  taggedMap:", state.taggedMap.get("k"), state.taggedMap.size, Object.prototype.toString.call(state.taggedMap));
    print("  namedRegExp:", state.namedRegExp.source, state.namedRegExp.flags, state.namedRegExp.lastIndex, Object.prototype.toString.call(state.namedRegExp));
    print("  nullError:", Error.isError(state.nullError), Object.getOwnPropertyDescriptor(state.nullError, "message").value);
    print("  number:", Number.prototype.valueOf.call(state.number) + 1, state.number.describe());
    print("  detachedSet:", Set.prototype.has.call(state.detachedSet, "x"), state.detachedSet instanceof DetachedSet, state.detachedSet.describe());
    print("  frozenMap:", Map.prototype.get.call(state.frozenMap, 1), Object.isFrozen(state.frozenMap));
}

show("before");
step(() => show("after one turn"));
step(() => {
    Map.prototype.set.call(state.nullMap, "b", 2);
    Set.prototype.add.call(state.protoSet, 3);
    print("namedRegExp match at:", state.namedRegExp.exec("xxxabbb xabb").index, "lastIndex:", state.namedRegExp.lastIndex);
    show("after changes");
});
step(() => print("nullMap size:", Reflect.apply(Object.getOwnPropertyDescriptor(Map.prototype, "size").get, state.nullMap, []), "protoSet size:", Reflect.apply(Object.getOwnPropertyDescriptor(Set.prototype, "size").get, state.protoSet, [])));
