// offload-scripts: resources/tfjs-environment.js node_modules/@tensorflow/tfjs/dist/tf.es2017.js
// Tests that a real library travels: TensorFlow.js (npm @tensorflow/tfjs, CPU backend) builds a small dense model,
// and predictions made after each migration equal those made without migrating. The library's module state (its
// engine, registries of kernels and backends, tensors still alive, the model's weights) is all in the snapshot.
"use strict";

// The engine runner is no browser: tfjs is given the platform of resources/tfjs-environment.js.
tf.setPlatform("offload", offloadTestPlatform);

let model = null;
const backendReady = tf.setBackend("cpu");
backendReady.then((ready) => print("backend:", ready, tf.getBackend()));

step(() => {
    model = tf.sequential();
    model.add(tf.layers.dense({ units: 4, inputShape: [3], activation: "relu", kernelInitializer: "ones", biasInitializer: "zeros" }));
    model.add(tf.layers.dense({ units: 2, kernelInitializer: "ones", biasInitializer: "ones" }));
    const out = tf.tidy(() => model.predict(tf.tensor2d([[1, 2, 3]])));
    print("parameters:", model.countParams(), "prediction:", Array.from(out.dataSync()).join(","));
    out.dispose();
});

step(() => {
    model.layers[0].setWeights([tf.fill([3, 4], 0.5), tf.zeros([4])]);
    const out = tf.tidy(() => model.predict(tf.tensor2d([[0.5, -1, 2]])));
    print("after new weights:", Array.from(out.dataSync()).join(","), "live tensors:", tf.memory().numTensors);
    out.dispose();
});
