// offload-scripts: resources/tfjs-environment.js node_modules/nsfwjs/dist/browser/nsfwjs.min.js node_modules/nsfwjs/dist/models/mobilenet_v2/model.min.js node_modules/nsfwjs/dist/models/mobilenet_v2/group1-shard1of1.min.js
// Tests that a real DNN app travels: npm nsfwjs 4.4.0 (its browser bundle, which includes TensorFlow.js) loads its
// bundled MobileNetV2 from the model scripts (the topology and a 3.5 MB base64 weight string, set as globals), and
// classifies synthetic images. With migration the app moves after the model is loaded and before the second
// inference, which the restored model makes: its predictions must equal those made without migrating.
"use strict";

// nsfwjs's TensorFlow.js finds no platform of its own in the engine runner, and is given the one of
// resources/tfjs-environment.js. Its engine is the global _tfengine, shared by the copies of tfjs-core in the bundle.
_tfengine.ENV.setPlatform("offload", offloadTestPlatform);

const size = 224;
let classifier = null;

// An image as a canvas's ImageData would hold it (RGBA bytes), made by a fixed formula: the same pixels every run.
function syntheticImage(seed) {
    const data = new Uint8Array(size * size * 4);
    for (let y = 0; y < size; ++y) {
        for (let x = 0; x < size; ++x) {
            const offset = (y * size + x) * 4;
            data[offset] = (x * seed + y * 3) & 255;
            data[offset + 1] = (x * y + seed * 17) & 255;
            data[offset + 2] = ((x ^ y) * (seed + 1)) & 255;
            data[offset + 3] = 255;
        }
    }
    return { data, width: size, height: size };
}

// The live tensor count shows that TensorFlow.js's bookkeeping travelled too: tensors made after a migration are
// still disposed of by the restored engine.
function report(label, predictions) {
    print(label + ":", predictions.map((p) => p.className + " " + p.probability.toFixed(4)).join(", "),
        "(live tensors: " + _tfengine.memory().numTensors + ")");
}

// Turn 0 loads the model and classifies a first image; the app then migrates (after the model is loaded, before the
// next inference) and classifies a second image in the next turn. One migration keeps the run short on a busy
// machine: each costs a capture, a restore (and, with --check-idempotent, a second capture) of the whole library.
nsfwjs.load("MobileNetV2").then((loaded) => {
    classifier = loaded;
    print("model loaded:", classifier.model.layers.length, "layers,", classifier.model.countParams(), "parameters,",
        _tfengine.memory().numTensors, "live tensors");
    return classifier.classify(syntheticImage(5), 3);
}).then((predictions) => report("image 1", predictions), (error) => print("failed:", error));

step(() => {
    classifier.classify(syntheticImage(11), 3).then((predictions) => report("image 2", predictions));
});
