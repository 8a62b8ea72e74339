// The nsfwjs app of LayoutTests/libraries/nsfwjs-mobilenet-v2.js, shaped for measuring its migrations: turn 0 loads
// nsfwjs 4.4.0 and its bundled MobileNetV2 (TensorFlow.js, 2.6 M parameters, a 3.5 MB base64 weight string), then
// a few turns leave the loaded app as it is, so that offload-jsc --migrate --stats captures, bundles and restores
// the loaded app at each turn boundary; the last turn classifies a fixed synthetic image, which must give the same
// prediction as a run without migration (a benchmark migrating a broken heap would report misleading figures).
"use strict";

// As in the layout test: the engine runner is no browser, so TensorFlow.js is given the platform of
// LayoutTests/libraries/resources/tfjs-environment.js.
_tfengine.ENV.setPlatform("offload", offloadTestPlatform);

const size = 224;
let classifier = null;
let turns = 0;

nsfwjs.load("MobileNetV2").then((loaded) => {
    classifier = loaded;
    print("loaded:", classifier.model.countParams(), "parameters");
}, (error) => print("load failed:", error));

// Turns that change almost nothing: what travels at their boundaries is the loaded app.
for (let i = 0; i < 3; ++i)
    step(() => { ++turns; });

step(() => {
    const data = new Uint8Array(size * size * 4);
    for (let i = 0; i < data.length; ++i)
        data[i] = (i * 7 + (i >> 10)) & 255;
    classifier.classify({ data, width: size, height: size }, 1).then((predictions) => {
        print("turns:", turns, "prediction:", predictions[0].className, predictions[0].probability.toFixed(4));
    });
});
