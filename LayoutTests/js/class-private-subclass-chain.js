// Tests private names along a class chain: a base class and a subclass both with private fields, a subclass of
// that without private names, and a subclass of a built-in (Array) with private state. Each instance keeps the
// names of every class it was constructed by, and nothing more.
"use strict";

class Shape {
    #name;
    constructor(name) { this.#name = name; }
    get name() { return this.#name; }
    static isShape(o) { return #name in o; }
}

class Circle extends Shape {
    #radius;
    constructor(radius) {
        super("circle");
        this.#radius = radius;
    }
    grow() { this.#radius += 1; }
    area() { return Math.round(Math.PI * this.#radius * this.#radius); }
    static isCircle(o) { return #radius in o; }
}

class LabeledCircle extends Circle {
    label = "unnamed";
}

class History extends Array {
    #limit;
    constructor(limit) {
        super();
        this.#limit = limit;
    }
    record(value) {
        this.push(value);
        if (this.length > this.#limit)
            this.shift();
        return this;
    }
}

const shape = new Shape("blob");
const circle = new Circle(2);
const labeled = new LabeledCircle(1);
labeled.label = "tiny";
const history = new History(3).record(1).record(2);

step(() => {
    circle.grow();
    print(shape.name, circle.name, circle.area(), labeled.name, labeled.label, labeled.area());
    print("shape:", Shape.isShape(shape), Shape.isShape(circle), Shape.isShape(labeled), Shape.isShape({}));
    print("circle:", Circle.isCircle(shape), Circle.isCircle(circle), Circle.isCircle(labeled));
    print("own keys:", JSON.stringify(Object.keys(labeled)), JSON.stringify(Object.keys(circle)));
    history.record(3).record(4);
});

step(() => {
    labeled.grow();
    print(labeled.area(), labeled instanceof Circle, Object.getPrototypeOf(labeled) === LabeledCircle.prototype);
    print("history:", JSON.stringify(history), Array.isArray(history), history.length, history instanceof History);
    history.record(5);
    print("history:", JSON.stringify(history));
});
