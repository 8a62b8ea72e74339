// Runs before TensorFlow.js in the library tests: the global names the library looks for, and no WebAssembly (Long.js,
// which tfjs bundles, would otherwise make a WebAssembly instance, which the capture refuses).
"use strict";

globalThis.self = globalThis;
delete globalThis.WebAssembly;
