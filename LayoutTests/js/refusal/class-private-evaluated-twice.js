// offload-expect-refusal: was evaluated 2 times in the same scope
// Tests that a closure using private names is refused when its class literal was evaluated twice in one scope
// instance (a loop without per-iteration bindings): which evaluation's names the closure uses cannot be told, so
// the capture refuses with the reason and the program continues locally.
"use strict";

const makers = [];
let i = 0;
while (i++ < 2) {
    makers.push(class {
        #count = 0;
        counter() { return () => ++this.#count; }
    });
}
const counters = makers.map((Maker) => new Maker().counter());

step(() => {
    print(counters[0](), counters[0](), counters[1]());
});

step(() => {
    print(counters[0](), counters[1]());
});
