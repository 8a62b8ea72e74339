// Tests that property attributes (writable, enumerable, configurable) set with Object.defineProperty survive
// migration exactly, and that the engine still enforces them: writes to read-only properties throw in strict mode
// and deleting a non-configurable property fails.
"use strict";

const object = {};
Object.defineProperty(object, "readOnly", { value: 1, writable: false, enumerable: true, configurable: true });
Object.defineProperty(object, "hidden", { value: 2, writable: true, enumerable: false, configurable: true });
Object.defineProperty(object, "permanent", { value: 3, writable: true, enumerable: true, configurable: false });
Object.defineProperty(object, "locked", { value: 4 });
object.normal = 5;

function describe(name)
{
    return JSON.stringify(Object.getOwnPropertyDescriptor(object, name));
}

step(() => {
    for (const name of Reflect.ownKeys(object))
        print(name, describe(name));
});

step(() => {
    try {
        object.readOnly = 10;
        print("write to readOnly succeeded (wrong)");
    } catch (error) {
        print("write to readOnly throws TypeError:", error instanceof TypeError);
    }
    print("delete permanent:", Reflect.deleteProperty(object, "permanent"));
    print("delete hidden:", delete object.hidden);
    print("keys:", Object.keys(object).join(","));
    Object.defineProperty(object, "readOnly", { writable: true });
    object.readOnly = 11;
});

step(() => {
    print("readOnly after redefine:", describe("readOnly"));
    print("redefine locked fails:", Reflect.defineProperty(object, "locked", { value: 5 }));
});
