// offload-expect-refusal: an object of the offload runtime is reachable from the program
// Tests that a program holding the offload runtime's own object (reached without naming it, which the instrumenter
// refuses) is not migrated with a copy of it: the capture is refused, naming the path, and the program runs on.
"use strict";

globalThis.kept = globalThis["__off" + "load"];
let turns = 0;

step(() => {
    ++turns;
    print("turn", turns, "the program still holds it:", typeof globalThis.kept);
});

step(() => {
    ++turns;
    print("turn", turns, "done");
});
