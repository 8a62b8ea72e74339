// Tests that frozen, sealed and non-extensible objects keep exactly that integrity level after migration and that
// the engine still enforces it (strict-mode writes throw, additions fail), while an ordinary object stays open.
"use strict";

const frozen = Object.freeze({ a: 1, nested: { b: 2 } });
const sealed = Object.seal({ c: 3 });
const closed = Object.preventExtensions({ d: 4 });
const frozenArray = Object.freeze([1, 2, 3]);
const open = { e: 5 };

function attempt(action)
{
    try {
        action();
        return "ok";
    } catch (error) {
        return error instanceof TypeError ? "TypeError" : "other";
    }
}

step(() => {
    print("frozen:", Object.isFrozen(frozen), Object.isSealed(frozen), Object.isExtensible(frozen));
    print("sealed:", Object.isFrozen(sealed), Object.isSealed(sealed), Object.isExtensible(sealed));
    print("closed:", Object.isFrozen(closed), Object.isSealed(closed), Object.isExtensible(closed));
    print("frozen array:", Object.isFrozen(frozenArray), "open:", Object.isExtensible(open));
    print("nested not frozen:", Object.isFrozen(frozen.nested));
});

step(() => {
    print("write frozen:", attempt(() => { frozen.a = 9; }), frozen.a);
    print("write nested:", attempt(() => { frozen.nested.b = 9; }), frozen.nested.b);
    print("write sealed:", attempt(() => { sealed.c = 30; }), sealed.c);
    print("add to sealed:", attempt(() => { sealed.x = 1; }), "delete from sealed:", attempt(() => { delete sealed.c; }));
    print("delete from closed:", attempt(() => { delete closed.d; }), "d" in closed);
    print("add to closed:", attempt(() => { closed.y = 1; }));
    print("push to frozen array:", attempt(() => frozenArray.push(4)), frozenArray.length);
    print("add to open:", attempt(() => { open.f = 6; }), open.f);
});
