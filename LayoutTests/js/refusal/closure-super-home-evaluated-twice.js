// offload-expect-refusal: was evaluated 2 times in the same scope, so which home object super reads cannot be told
// Tests that an arrow using super is refused when its method's object literal was evaluated twice in one scope
// instance (a loop without per-iteration bindings): which object is the home object cannot be told from the scope,
// so the capture refuses with the reason and the program continues locally.
"use strict";

const base = { name() { return "base"; } };
const arrows = [];
let i = 0;
while (i++ < 2)
    arrows.push({ __proto__: base, make() { return () => `via ${super.name()}`; } }.make());

step(() => {
    print(arrows[0](), arrows[1]());
});

step(() => {
    base.name = () => "changed";
    print(arrows[0](), arrows[1]());
});
