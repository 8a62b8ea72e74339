// offload-expect-refusal: FinalizationRegistry
// Tests that a FinalizationRegistry held by the program makes capture fail with a message naming it (its cleanup
// callbacks depend on garbage collection), and that the program continues locally.
"use strict";

globalThis.registry = new FinalizationRegistry((held) => print("finalized", held));
const tracked = { id: 1 };
registry.register(tracked, "tracked object", tracked);

step(() => {
    print("unregister:", registry.unregister(tracked));
});

step(() => {
    print("unregister again:", registry.unregister(tracked));
});
