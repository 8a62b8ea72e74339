// Tests that an HTML-like closing comment (`-->` at the start of a line, a comment in classic scripts) after a
// function changes neither the instrumented code nor what a restore makes of the function's text.
function make() {
  let n = 10;
  return function next() { return ++n; }
--> the rest of this line is a comment
}
const next = make();
next();
step(() => print("after migration:", next()));
step(() => print("again:", next()));
