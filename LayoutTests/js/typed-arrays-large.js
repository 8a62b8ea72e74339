// Tests that large typed arrays (several MB, carried as blobs) arrive intact: a checksum over every element is the
// same before and after migration, writes after migration land in the right place, and two large arrays with equal
// contents stay two distinct objects.
"use strict";

const floats = new Float32Array(512 * 1024);
for (let i = 0; i < floats.length; ++i)
    floats[i] = Math.sin(i) * 1000;
const bytes = new Uint8Array(3 * 1024 * 1024);
for (let i = 0; i < bytes.length; ++i)
    bytes[i] = (i * 2654435761) >>> 24;
const copy = bytes.slice();

function checksum(array)
{
    let sum = 0;
    for (let i = 0; i < array.length; ++i)
        sum = (sum * 31 + (array[i] * 1000 | 0)) | 0;
    return sum;
}

const before = { floats: checksum(floats), bytes: checksum(bytes) };

step(() => {
    print("float checksum equal:", checksum(floats) === before.floats, "byte checksum equal:", checksum(bytes) === before.bytes);
    print("sizes:", floats.byteLength, bytes.byteLength, "copy distinct:", copy !== bytes, copy.buffer !== bytes.buffer);
    bytes[bytes.length - 1] ^= 0xff;
});

step(() => {
    print("copy unchanged by write:", checksum(copy) === before.bytes, "original changed:", checksum(bytes) !== before.bytes);
    print("sample:", floats[12345], bytes[1000000]);
});
