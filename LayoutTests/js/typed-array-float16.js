// Tests that a Float16Array travels with its type and values (including a value that rounds to half precision, the
// largest finite half, -0 and NaN) and keeps sharing its buffer with a Uint16Array view of the same bytes.
"use strict";

const halves = new Float16Array([1.5, -2.25, 65504, 0.1, -0, NaN]);
const bits = new Uint16Array(halves.buffer);

step(() => {
    print("values:", Array.from(halves).join(","), "negative zero:", Object.is(halves[4], -0));
    print("type:", Object.prototype.toString.call(halves), halves.BYTES_PER_ELEMENT, "bits of 1.5:", bits[0].toString(16));
});

step(() => {
    halves[0] += 1;
    print("after a write:", halves[0], "bits:", bits[0].toString(16), "shared:", bits.buffer === halves.buffer);
});
