// Tests that arrow functions keep the `new.target` and the `super` home object of the function or method they were
// created in, and use them after migration.
"use strict";

function Widget()
{
    this.constructedWith = () => new.target;
}

class Base {
    describe() { return "base describe"; }
}

class Derived extends Base {
    makeDescriber() { return () => `derived via ${super.describe()}`; }
}

const widget = new Widget();
const plainCall = {};
Widget.call(plainCall);
const describer = new Derived().makeDescriber();

step(() => {
    print("new.target is Widget:", widget.constructedWith() === Widget);
    print("new.target for a plain call is undefined:", plainCall.constructedWith() === undefined);
    print(describer());
});

step(() => {
    Base.prototype.describe = () => "changed base describe";
    print(describer());
});
