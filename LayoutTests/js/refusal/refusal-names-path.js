// offload-expect-refusal: globalThis.model.session
// Tests that a refused capture names the path from a root to the object that cannot travel (here a WebAssembly
// memory held in an array under a global), so a developer can find it; the program continues locally.
"use strict";

globalThis.model = { name: "tiny", session: ["warm-up", new WebAssembly.Memory({ initial: 1 })] };
const bytes = new Uint8Array(model.session[1].buffer);
bytes[0] = 7;

step(() => {
    bytes[0] += 1;
    print("memory byte:", new Uint8Array(model.session[1].buffer)[0], "pages:", model.session[1].buffer.byteLength / 65536);
});

step(() => {
    print("model still here:", model.name, model.session[0]);
});
