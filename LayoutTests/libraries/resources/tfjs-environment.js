// Runs before TensorFlow.js in the library tests: the global names the library looks for, and no WebAssembly (Long.js,
// which tfjs bundles, would otherwise make a WebAssembly instance, which the capture refuses).
"use strict";

globalThis.self = globalThis;
delete globalThis.WebAssembly;

// The engine runner is no browser: the platform TensorFlow.js asks for (time, typed-array checks), which each app gives
// it with setPlatform once the library is loaded. There is no network, and text encoding is not used.
globalThis.offloadTestPlatform = {
    fetch: () => Promise.reject(new Error("no network in the engine runner")),
    now: () => Date.now(),
    encode: () => { throw new Error("not used"); },
    decode: () => { throw new Error("not used"); },
    isTypedArray: (value) => value instanceof Float32Array || value instanceof Int32Array || value instanceof Uint8Array
        || value instanceof Uint8ClampedArray,
};
