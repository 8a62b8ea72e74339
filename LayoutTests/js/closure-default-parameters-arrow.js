// Tests that closures made in the parameter list of an arrow function travel and keep sharing its parameters: an
// arrow has no arguments object to keep its parameter scope's handle with, so each closure has a handle of its own,
// which the capture finds to be of one call.
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
