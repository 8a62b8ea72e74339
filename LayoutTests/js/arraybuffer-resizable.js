// Tests that a resizable ArrayBuffer keeps its byte length and maximum, and that a length-tracking view and a
// fixed-length view on it keep their kinds: after migration, resize still works and the tracking view follows it.
"use strict";

const buffer = new ArrayBuffer(8, { maxByteLength: 64 });
const tracking = new Uint8Array(buffer);
const fixed = new Uint8Array(buffer, 0, 4);
tracking.set([1, 2, 3, 4, 5, 6, 7, 8]);
const plain = new ArrayBuffer(4);

step(() => {
    print("resizable:", buffer.resizable, buffer.byteLength, buffer.maxByteLength, "plain:", plain.resizable);
    print("lengths:", tracking.length, fixed.length);
    buffer.resize(16);
});

step(() => {
    print("after grow:", buffer.byteLength, tracking.length, fixed.length, Array.from(tracking).join(","));
    buffer.resize(2);
});

step(() => {
    print("after shrink:", tracking.length, "fixed out of bounds has length:", fixed.length);
    const sliced = plain.slice(0, 2);
    print("slice of plain:", sliced.byteLength, sliced !== plain);
});
