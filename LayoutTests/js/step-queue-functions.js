// Tests the kinds of functions the pending-turn queue can hold: the same function queued twice (one object, run
// twice, sharing its state), a bound method, a class static method and a function made by new Function.
"use strict";

let runs = 0;
function again() { print("again run", ++runs); }

class Job {
    constructor(name) { this.name = name; }
    run() { print("bound job", this.name); }
    static tick() { print("static tick called without a receiver:", this === undefined); }
}

step(again);
step(new Job("nightly").run.bind(new Job("nightly")));
step(again);
step(Job.tick);
step(new Function("print('made by new Function')"));
step(() => print("total runs of the shared function:", runs));
