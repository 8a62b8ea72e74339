// offload-expect-refusal: WebAssembly
// Tests that a WebAssembly instance reachable from a global makes capture fail with a message naming it (its
// compiled code and internal state are not JavaScript), and that the program continues locally, still calling it.
"use strict";

// A module exporting add(i32, i32) -> i32, written out by hand.
const moduleBytes = new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    0x01, 0x07, 0x01, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f,
    0x03, 0x02, 0x01, 0x00,
    0x07, 0x07, 0x01, 0x03, 0x61, 0x64, 0x64, 0x00, 0x00,
    0x0a, 0x09, 0x01, 0x07, 0x00, 0x20, 0x00, 0x20, 0x01, 0x6a, 0x0b,
]);
globalThis.calculator = new WebAssembly.Instance(new WebAssembly.Module(moduleBytes), {});
let total = 0;

step(() => {
    total = calculator.exports.add(total, 40);
    print("after first add:", total);
});

step(() => {
    total = calculator.exports.add(total, 2);
    print("after second add:", total, "is Instance:", calculator instanceof WebAssembly.Instance);
});
