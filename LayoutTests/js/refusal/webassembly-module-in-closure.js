// offload-expect-refusal: WebAssembly
// Tests that a WebAssembly.Module reachable only through a closure's scope (not a global) is also found and
// refused by capture, and that the program continues locally.
"use strict";

const makeInstance = (() => {
    const compiled = new WebAssembly.Module(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));
    return () => new WebAssembly.Instance(compiled, {});
})();

step(() => {
    print("instance exports:", Object.keys(makeInstance().exports).length);
});

step(() => {
    print("still works locally:", makeInstance() instanceof WebAssembly.Instance);
});
