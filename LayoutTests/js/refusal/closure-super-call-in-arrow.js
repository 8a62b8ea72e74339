// offload-expect-refusal: calls super(), which cannot be rebuilt: super() runs the parent constructor
// Tests that an arrow calling super() in a derived constructor is refused with the reason: rebuilding it would need
// the constructor's call itself (super() runs the parent constructor and binds that call's `this`, once; a restore
// constructs a rebuilt constructor scope through a stand-in for the parent). The program runs on locally.
"use strict";

class Base {
    constructor() { this.made = (this.made || 0) + 1; }
}

class Derived extends Base {
    constructor() {
        const init = () => super();
        init();
        this.init = init;
    }
}

const derived = new Derived();

step(() => {
    print("made:", derived.made);
});

step(() => {
    try {
        derived.init();
    } catch (error) {
        print("second super() call:", error instanceof ReferenceError);
    }
});
