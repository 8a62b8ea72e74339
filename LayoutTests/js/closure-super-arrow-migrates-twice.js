// Tests that arrows using super in class methods, field initializers and static blocks survive several migrations in
// a row (each step migrates the heap restored by the previous one) and follow changes of the parent made in between.
"use strict";

class Animal {
    sound() { return "..."; }
    static family() { return "animals"; }
}

class Dog extends Animal {
    bark = () => `field: ${super.sound()}`;
    static {
        this.familyOf = () => `static block: ${super.family()}`;
    }
    speaker() { return () => `method: ${super.sound()} from ${this.name}`; }
}

const dog = new Dog();
dog.name = "rex";
const speak = dog.speaker();

step(() => {
    print(dog.bark(), Dog.familyOf(), speak());
});

step(() => {
    Animal.prototype.sound = () => "woof";
    print(dog.bark(), speak());
});

step(() => {
    Animal.family = () => "canines";
    print(Dog.familyOf(), speak());
});
