// Tests that a typed array of every element type keeps its exact contents after migration, including boundary
// values, wrap-around on write, clamping, NaN and -0 in float arrays, and 64-bit BigInt elements.
"use strict";

const arrays = {
    Int8Array: new Int8Array([-128, 127, -1]),
    Uint8Array: new Uint8Array([0, 255, 128]),
    Uint8ClampedArray: new Uint8ClampedArray([0, 255, 300]),
    Int16Array: new Int16Array([-32768, 32767, 1]),
    Uint16Array: new Uint16Array([65535, 0, 4660]),
    Int32Array: new Int32Array([-2147483648, 2147483647, 7]),
    Uint32Array: new Uint32Array([4294967295, 0, 305419896]),
    Float32Array: new Float32Array([1.5, -0, NaN]),
    Float64Array: new Float64Array([Math.PI, -Infinity, 5e-324]),
    BigInt64Array: new BigInt64Array([-(2n ** 63n), 2n ** 63n - 1n, -1n]),
    BigUint64Array: new BigUint64Array([2n ** 64n - 1n, 0n, 42n]),
};

function show(array)
{
    return Array.from(array, (value) => Object.is(value, -0) ? "-0" : String(value)).join(",");
}

step(() => {
    for (const [name, array] of Object.entries(arrays))
        print(name, show(array), array.constructor === globalThis[name], array.BYTES_PER_ELEMENT);
});

step(() => {
    arrays.Int8Array[0] = 200;
    arrays.Uint8ClampedArray[1] = -5;
    arrays.Uint16Array[1] = -1;
    arrays.Float32Array[0] = 0.1;
    arrays.BigUint64Array[1] = -1n;
    const changed = [arrays.Int8Array, arrays.Uint8ClampedArray, arrays.Uint16Array, arrays.Float32Array, arrays.BigUint64Array];
    print("after writes:", changed.map(show).join(" | "));
});
