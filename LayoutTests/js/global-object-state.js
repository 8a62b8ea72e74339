// Tests that new global properties made by the program travel with it: plain assignments, properties defined with
// attributes, accessor globals, symbol-keyed globals, and globals deleted before migration stay deleted.
"use strict";

globalThis.appState = { users: ["ada"] };
Object.defineProperty(globalThis, "APP_VERSION", { value: "1.2.3", writable: false, enumerable: false, configurable: false });
let backing = 1;
Object.defineProperty(globalThis, "liveValue", {
    get() { return backing; },
    set(value) { backing = value; },
    configurable: true,
});
globalThis[Symbol.for("offload.global")] = "symbol global";
globalThis.temporary = "gone soon";
delete globalThis.temporary;

step(() => {
    print("appState:", appState.users.join(","), globalThis.appState === appState);
    print("APP_VERSION:", APP_VERSION, JSON.stringify(Object.getOwnPropertyDescriptor(globalThis, "APP_VERSION")));
    print("liveValue:", liveValue);
    liveValue = 5;
    appState.users.push("bob");
});

step(() => {
    print("accessor global after set:", liveValue, backing);
    print("symbol global:", globalThis[Symbol.for("offload.global")]);
    print("deleted stays deleted:", "temporary" in globalThis);
    print("appState:", appState.users.join(","));
});
