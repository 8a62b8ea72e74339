// Tests that class getters/setters (instance and static), class expressions (named and anonymous) and classes
// created inside functions (one class per call) survive migration with their identities and names.
"use strict";

class Temperature {
    static #unit = "C";
    #celsius = 0;
    get celsius() { return this.#celsius; }
    set celsius(value) { this.#celsius = Math.round(value); }
    static get unit() { return Temperature.#unit; }
    static set unit(value) { Temperature.#unit = value; }
}

const Anonymous = class { hello() { return "anonymous class"; } };
const Named = class Inner { who() { return Inner.name; } };

function makeClass(tag)
{
    return class { get tag() { return tag; } };
}

const First = makeClass("first");
const Second = makeClass("second");
const temperature = new Temperature();
temperature.celsius = 21.6;

step(() => {
    print("celsius:", temperature.celsius, "unit:", Temperature.unit);
    Temperature.unit = "K";
    print("names:", Anonymous.name, Named.name, JSON.stringify(First.name));
    print("per-call classes differ:", First !== Second, new First().tag, new Second().tag);
});

step(() => {
    print("static setter kept value:", Temperature.unit);
    print("class expressions:", new Anonymous().hello(), new Named().who());
    print("instance of the right class:", new First() instanceof First, new First() instanceof Second);
});
