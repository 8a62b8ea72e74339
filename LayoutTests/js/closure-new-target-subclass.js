// Tests that an arrow made in a base class constructor keeps new.target when a subclass is constructed: new.target is
// the subclass, `this` is the subclass instance, and both survive migration.
"use strict";

class Shape {
    constructor(name) {
        this.name = name;
        this.kind = () => `${new.target.name} of ${this.name}`;
        this.isExact = () => new.target === Shape;
    }
}

class Square extends Shape {
    constructor() {
        super("square");
    }
}

const square = new Square();
const shape = new Shape("plain");

step(() => {
    print(square.kind(), square.isExact(), shape.kind(), shape.isExact());
});

step(() => {
    square.name = "renamed square";
    print(square.kind(), square.isExact(), square instanceof Square);
});
