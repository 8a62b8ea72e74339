// Tests that registered symbols (Symbol.for) are still the registry's symbols after migration: Symbol.for with the
// same key returns the identical symbol, Symbol.keyFor finds the key, and properties keyed by them are found.
"use strict";

const saved = Symbol.for("offload.registered");
const object = { [saved]: "value under registered symbol" };

step(() => {
    print("same as Symbol.for:", saved === Symbol.for("offload.registered"));
    print("keyFor:", Symbol.keyFor(saved));
    print("lookup by fresh Symbol.for:", object[Symbol.for("offload.registered")]);
});

step(() => {
    const later = Symbol.for("offload.registered.later");
    globalThis.laterSymbol = later;
    print("description:", saved.description);
});

step(() => {
    print("later registered symbol still registered:", globalThis.laterSymbol === Symbol.for("offload.registered.later"));
    print("keyFor later:", Symbol.keyFor(globalThis.laterSymbol));
});
