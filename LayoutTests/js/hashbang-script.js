#!/usr/bin/env offload-jsc
// Tests that a script starting with a hashbang line keeps it first (the handle of its top-level scope is declared on
// the next line) and that its closures migrate.
let total = 0;
const add = (x) => (total += x);
add(5);
step(() => print("after migration:", add(1), total));
