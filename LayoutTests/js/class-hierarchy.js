// Tests that a three-level class hierarchy survives migration: instanceof at every level, super method calls,
// super property access in static methods, overridden getters and constructors chaining through super().
"use strict";

class Animal {
    constructor(name) { this.name = name; }
    speak() { return `${this.name} makes a sound`; }
    get kind() { return "animal"; }
    static create(name) { return new this(name); }
}

class Dog extends Animal {
    constructor(name, breed)
    {
        super(name);
        this.breed = breed;
    }

    speak() { return `${super.speak()} (woof)`; }
    get kind() { return `dog < ${super.kind}`; }
}

class Puppy extends Dog {
    speak() { return `${super.speak()} (tiny)`; }
    static create(name) { return super.create(name); }
}

const puppy = new Puppy("Rex", "beagle");
const created = Puppy.create("Fido");

step(() => {
    print(puppy.speak());
    print("kind:", puppy.kind);
    print("instanceof:", puppy instanceof Puppy, puppy instanceof Dog, puppy instanceof Animal);
    print("static via super:", created instanceof Puppy, created.name, created.breed);
});

step(() => {
    Animal.prototype.speak = function () { return `${this.name} speaks differently`; };
    print("after base change:", puppy.speak());
    print("prototype chain:", Object.getPrototypeOf(Puppy) === Dog, Object.getPrototypeOf(Puppy.prototype) === Dog.prototype);
});
