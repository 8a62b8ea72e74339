// Tests that comments right after a function, class or object literal change neither the instrumented code nor the
// code a restore makes from the script's text. tree-sitter lets such a node run over the comments that follow it
// when it looks for an automatic semicolon: a hook's closing text then landed inside a `//` comment, and a restore
// copied a function's text with the comment, which hid the rest of the synthesized line (redux 4.2.1 did this).
function make() {
  var n = 0;
  function get() { return ++n; } // a comment after the closing brace
  return get;
}
var named = function () { return "named"; } // after a function expression
var arrow = (x) => x * 3 // after an arrow's expression body
let multiplier = function (k) { return (x) => x * k } /* a block comment */ // and a line comment
class Shape { area() { return 6; } } // after a class declaration
const Square = class { side() { return 2; } } // after a class expression
const literal = { value() { return "method"; } } // after an object literal with a method
function stacked() { return "stacked"; } /* one */ /* two
   spanning lines */ // three
function strict() {
  "use strict" // a directive without a semicolon, then a comment
  return () => this === undefined;
}
class Counter {
  static count = 0;
  static { Counter.count = 1; } // after a static block
  bump() { return ++Counter.count; } // after a method
}
const get = make();
get();
const times5 = multiplier(5);
step(() => {
  print("after migration:", get());
  print(named(), arrow(2), times5(3), new Shape().area(), new Square().side(), literal.value(), stacked());
  print("strict this:", strict()(), "static:", new Counter().bump());
});
step(() => print("again:", get(), new Counter().bump()));
