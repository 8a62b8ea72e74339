// offload-expect-refusal: was made by code that could not be instrumented and ran as written
// Tests that a function made by `new Function` from code the instrumenter cannot rewrite (`with`) runs as written,
// and that a capture is refused, naming the function, while it is alive; the program continues locally.
const template = Function("obj", "with (obj) { return greeting + ', ' + name; }");
print(template({ greeting: "hello", name: "world" }));
step(() => print(template({ greeting: "bye", name: "all" })));
