// Tests arrows that use `this` from inside blocks, loops, catch clauses, switch cases and other arrows of a method: after migration each still sees the method's `this`, not the one of the scope it sits in.
"use strict";

class Counter {
    constructor(name) {
        this.name = name;
        this.count = 0;
    }

    makeAll(items) {
        const made = [];
        for (const item of items) {
            let label = `${item}!`;
            made.push(() => `${this.name}:${label}:${++this.count}`);
        }
        {
            let inner = "block";
            made.push(() => () => `${this.name}:${inner}`);
        }
        try {
            throw new Error("caught");
        } catch (error) {
            made.push(() => `${this.name}:${error.message}`);
        }
        switch (items.length) {
        case 2: {
            let which = "two";
            made.push(() => `${this.name}:${which}`);
        }
        }
        return made;
    }
}

const arrows = new Counter("first").makeAll(["a", "b"]);
const others = new Counter("second").makeAll(["c", "d"]);

step(() => {
    print(arrows[0](), arrows[1](), arrows[2]()(), arrows[3](), arrows[4]());
});

step(() => {
    print(others[0](), others[1](), arrows[0](), others[4]());
});
