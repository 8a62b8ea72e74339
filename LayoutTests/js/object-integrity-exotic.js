// Tests integrity levels on objects that are not plain objects: a frozen function and class, a sealed array, a
// non-extensible Map (whose entries can still change), and a frozen empty typed array.
"use strict";

function frozenFunction() { return "callable"; }
frozenFunction.setting = 1;
Object.freeze(frozenFunction);
const FrozenClass = Object.freeze(class { static value = 2; });
const sealedArray = Object.seal([1, 2, 3]);
const closedMap = Object.preventExtensions(new Map([["a", 1]]));
const frozenTyped = Object.freeze(new Uint8Array(0));

step(() => {
    const settingWritten = Reflect.set(frozenFunction, "setting", 5);
    print("function:", Object.isFrozen(frozenFunction), frozenFunction(), settingWritten, frozenFunction.setting);
    print("class:", Object.isFrozen(FrozenClass), Reflect.set(FrozenClass, "value", 3), FrozenClass.value);
    print("sealed array:", Object.isSealed(sealedArray), Reflect.set(sealedArray, "3", 4), sealedArray.length);
    sealedArray[0] = 10;
    closedMap.set("b", 2);
});

step(() => {
    print("sealed array element still writable:", sealedArray.join(","));
    print("map:", Object.isExtensible(closedMap), [...closedMap.keys()].join(","), Reflect.set(closedMap, "extra", 1));
    print("frozen typed array:", Object.isFrozen(frozenTyped), frozenTyped.length);
});
