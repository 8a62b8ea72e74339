// offload-expect-refusal: an Intl.NumberFormat keeps its locale data inside the engine
// Tests that an Intl object (its resolved locale and options live in engine slots no property shows) makes capture
// fail with a message naming it, rather than travel as a plain object whose methods would then throw; the program
// runs locally meanwhile, and once it drops the formatter, migrations succeed and its results kept in state travel.
"use strict";

let formatter = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });
const results = [];

step(() => results.push(formatter.format(0.1234)));
step(() => {
    results.push(formatter.format(0.5));
    formatter = null;
});
step(() => results.push("dropped"));
step(() => print("results:", results.join(" ")));
