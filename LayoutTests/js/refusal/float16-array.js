// offload-expect-refusal: Float16Array is not in snapshot format version 1
// Tests that a Float16Array, which snapshot format version 1 has no type for, is refused with a message naming it
// rather than captured as another type, and that the program keeps its values running locally.
"use strict";

const halves = new Float16Array([1.5, -2.25, 65504]);

step(() => {
    print("values:", Array.from(halves).join(","));
});

step(() => {
    halves[0] += 1;
    print("after a write:", halves[0]);
});
