// offload-expect-refusal: a sloppy direct eval ran code that could not be instrumented in this function's scope
// Tests that a sloppy direct eval whose code cannot be instrumented (`with`) runs as written, and that a closure of
// its caller is refused while alive: the eval may have declared variables in the caller's scope that no template
// lists (here `found`, which the closure reads).
function make(o) {
    eval("with (o) { var found = a + b; }");
    return () => found;
}
const read = make({ a: 1, b: 2 });
print("found:", read());
step(() => print("later:", read()));
