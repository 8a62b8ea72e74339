// Tests that classes keep their static methods, static fields (including ones computed by a static block) and a
// static counter updated across turns; the class binding stays the same constructor.
"use strict";

class Registry {
    static count = 0;
    static prefix;
    static {
        Registry.prefix = "item-";
    }

    static create()
    {
        return new Registry(`${Registry.prefix}${++Registry.count}`);
    }

    constructor(id)
    {
        this.id = id;
    }
}

const first = Registry.create();

step(() => {
    const second = Registry.create();
    print("ids:", first.id, second.id, "count:", Registry.count);
    print("static method name:", Registry.create.name, "class name:", Registry.name);
});

step(() => {
    const third = Registry.create();
    print("third:", third.id, "instanceof:", third instanceof Registry, first.constructor === Registry);
    print("static field descriptor:", JSON.stringify(Object.getOwnPropertyDescriptor(Registry, "count")));
    print("prototype not writable:", Object.getOwnPropertyDescriptor(Registry, "prototype").writable);
});
