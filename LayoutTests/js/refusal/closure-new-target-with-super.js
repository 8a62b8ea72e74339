// offload-expect-refusal: use both new.target and super
// Tests that arrows of one constructor call that use both new.target and super are refused with the reason: the
// rebuilt scope would have to be both a constructor (for new.target) and a method of the class (for super).
"use strict";

class Base {
    describe() { return "base"; }
}

class Derived extends Base {
    constructor() {
        super();
        this.both = () => `${new.target.name} via ${super.describe()}`;
    }
}

const derived = new Derived();

step(() => {
    print(derived.both());
});

step(() => {
    print(derived.both(), "again");
});
