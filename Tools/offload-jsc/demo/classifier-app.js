// The engine-level demo app: a small neural-network classifier with its weights in typed arrays, a model object
// built from closures, an input queue and running statistics. Each turn classifies one input; the demo runner
// migrates the whole program to a new process between turns and the output must not change.
"use strict";

// A deterministic generator, so that the weights and inputs are the same on every run.
function makeRandom(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state * 1664525 + 1013904223) >>> 0;
        return state / 4294967296 - 0.5;
    };
}

function denseLayer(inputSize, outputSize, random, activation) {
    const weights = new Float32Array(inputSize * outputSize);
    const bias = new Float32Array(outputSize);
    for (let i = 0; i < weights.length; ++i)
        weights[i] = random() * 0.2;
    for (let i = 0; i < bias.length; ++i)
        bias[i] = random() * 0.1;
    return {
        name: `dense ${inputSize}x${outputSize}`,
        weights,
        forward(input) {
            const output = new Float32Array(outputSize);
            for (let o = 0; o < outputSize; ++o) {
                let sum = bias[o];
                for (let i = 0; i < inputSize; ++i)
                    sum += input[i] * weights[o * inputSize + i];
                output[o] = activation(sum);
            }
            return output;
        },
    };
}

const relu = (x) => (x > 0 ? x : 0);
const identity = (x) => x;

class Model {
    constructor(layers, labels) {
        this.layers = layers;
        this.labels = labels;
        this.calls = 0;
    }

    classify(input) {
        ++this.calls;
        const scores = this.layers.reduce((activations, layer) => layer.forward(activations), input);
        let best = 0;
        for (let i = 1; i < scores.length; ++i) {
            if (scores[i] > scores[best])
                best = i;
        }
        return { label: this.labels[best], score: scores[best] };
    }
}

const random = makeRandom(2026);
const model = new Model([denseLayer(256, 128, random, relu), denseLayer(128, 10, random, identity)],
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]);
const statistics = new Map();
const inputs = [];
for (let n = 0; n < 6; ++n) {
    const input = new Float32Array(256);
    for (let i = 0; i < input.length; ++i)
        input[i] = random();
    inputs.push(input);
}

print(`model ready: ${model.layers.map((layer) => layer.name).join(", ")}, ${inputs.length} inputs queued`);

for (const [index, input] of inputs.entries()) {
    step(() => {
        const { label, score } = model.classify(input);
        statistics.set(label, (statistics.get(label) || 0) + 1);
        print(`input ${index}: ${label} (score ${score.toFixed(4)})`);
    });
}

step(() => {
    const summary = [...statistics].map(([label, count]) => `${label}=${count}`).join(" ");
    print(`classified ${model.calls} inputs: ${summary}`);
});
