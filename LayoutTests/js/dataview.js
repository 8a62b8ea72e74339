// Tests that a DataView keeps its buffer, offset and length and reads the same multi-byte values in both byte
// orders after migration; values written before migration are read back after it.
"use strict";

const buffer = new ArrayBuffer(32);
const view = new DataView(buffer, 4, 24);
view.setFloat64(0, Math.E);
view.setFloat32(8, -1.25, true);
view.setInt32(12, -123456789);
view.setBigUint64(16, 0x0102030405060708n, true);

step(() => {
    print("geometry:", view.byteOffset, view.byteLength, view.buffer.byteLength);
    print("float64:", view.getFloat64(0), "float32 LE:", view.getFloat32(8, true));
    print("int32:", view.getInt32(12), "as LE:", view.getInt32(12, true));
    print("bigUint64 LE:", view.getBigUint64(16, true).toString(16), "BE:", view.getBigUint64(16).toString(16));
});

step(() => {
    view.setUint8(0, 0xff);
    print("first byte of buffer through a new view:", new Uint8Array(buffer)[4].toString(16));
    print("float64 changed by byte write:", view.getFloat64(0));
});
