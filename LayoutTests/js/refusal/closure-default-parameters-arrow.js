// offload-expect-refusal: a closure made in the parameter list of an arrow function
// Tests that closures made in the parameter list of an arrow function are refused with the reason (an arrow has no
// arguments object to keep its parameter scope's handle with, so two such closures could not share the parameters
// again), and that the program runs on locally.
"use strict";

const makeCell = (value = 0, get = () => value, set = (next) => { value = next; }) => ({ get, set });

const cell = makeCell(1);

step(() => {
    cell.set(2);
    print("cell:", cell.get());
});

step(() => {
    print("cell again:", cell.get());
});
