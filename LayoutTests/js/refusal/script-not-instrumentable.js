// offload-expect-refusal: could not be instrumented and ran as written
// offload-scripts: resources/with-statement-script.js
// Tests that a script the instrumenter cannot rewrite runs as written, and that every capture is then refused with a
// message naming the script: its top-level bindings (`area` here) and closures cannot be read, so a migration would
// lose them. The program continues locally.
print(describe());
step(() => {
    area = 10;
    print(describe());
});
