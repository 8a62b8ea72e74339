// offload-scripts: resources/library-finding-global-by-function.js
// Tests that scripts keep their order across migrations when an earlier script made code with the Function
// constructor while it loaded: that code runs (and is declared) before this script, and a restore must list the
// scripts in that same order, so that capturing again gives the same snapshot (the idempotency check) and the
// functions made by each script are found again.
const count = library.counter();
count();
print("found the global:", library.foundGlobal, "id:", library.nextId());
step(() => print("after migration:", count(), library.nextId()));
step(() => print("again:", count(), library.nextId()));
