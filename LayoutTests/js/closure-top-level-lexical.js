// Tests that top-level let, const and class declarations of a classic script stay in the script's lexical scope
// after migration: not properties of globalThis, still visible by name from later turns, let still assignable,
// const still read-only, and a global var of the same script still on globalThis.

let counter = 1;
const settings = { mode: "fast" };
class Helper { static id() { return "helper"; } }
var legacy = "on global object";

step(function () {
    print("globalThis has let/const/class:", "counter" in globalThis, "settings" in globalThis, "Helper" in globalThis);
    print("globalThis has var:", globalThis.legacy);
    print("by name:", counter, settings.mode, Helper.id());
    counter += 1;
});

step(function () {
    print("let after write:", counter);
    try {
        eval("settings = null");
        print("const assignment succeeded (wrong)");
    } catch (error) {
        print("const assignment throws TypeError:", error instanceof TypeError);
    }
    print("typeof via new Function:", new Function("return typeof counter + ' ' + typeof Helper")());
});
