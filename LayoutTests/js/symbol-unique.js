// Tests that a unique (unregistered) symbol keeps its identity everywhere it is referenced, keeps its description
// (including an empty and a missing one), and is not turned into a registered symbol.
"use strict";

const token = Symbol("token");
const anonymous = Symbol();
const empty = Symbol("");
const holder = { token, list: [token, anonymous], [token]: "keyed" };

step(() => {
    print("identity through object:", holder.token === token, holder.list[0] === token);
    print("descriptions:", token.description, String(anonymous.description), JSON.stringify(empty.description));
    print("not registered:", Symbol.keyFor(token) === undefined);
    print("distinct from same-description symbol:", token !== Symbol("token"));
});

step(() => {
    print("keyed lookup:", holder[holder.list[0]]);
    print("anonymous distinct from empty:", anonymous !== empty, String(anonymous), String(empty));
});
