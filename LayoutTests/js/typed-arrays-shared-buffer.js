// Tests that several views on one ArrayBuffer (whole-buffer views of different types, views at an offset, a
// subarray and a DataView) still share the same memory after migration: a write through one is seen by the others.
"use strict";

const buffer = new ArrayBuffer(16);
const bytes = new Uint8Array(buffer);
const words = new Uint32Array(buffer);
const tail = new Uint16Array(buffer, 8, 4);
const middle = bytes.subarray(4, 8);
const view = new DataView(buffer, 12);
bytes.set([1, 2, 3, 4]);

step(() => {
    print("same buffer:", words.buffer === buffer, tail.buffer === buffer, middle.buffer === buffer, view.buffer === buffer);
    print("offsets:", tail.byteOffset, tail.length, middle.byteOffset, middle.length, view.byteOffset, view.byteLength);
    print("word 0 (little endian):", words[0].toString(16));
    words[1] = 0xdeadbeef;
});

step(() => {
    print("subarray sees word write:", Array.from(middle, (value) => value.toString(16)).join(","));
    view.setUint16(0, 0xabcd);
    tail[0] = 0x1234;
});

step(() => {
    print("bytes:", Array.from(bytes, (value) => value.toString(16)).join(","));
    print("tail:", Array.from(tail, (value) => value.toString(16)).join(","));
});
