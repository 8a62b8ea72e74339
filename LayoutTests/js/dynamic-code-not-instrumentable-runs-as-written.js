// Tests that code made at run time that the instrumenter cannot rewrite runs exactly as written, in every mode, and
// that the program migrates as long as nothing it made is alive: `with` in `new Function` and eval code (lodash's
// _.template compiles such code), and strings that cannot pass to the instrumenter as UTF-8 (a NUL character cut
// the text short: `x=1//\0\nx=2` set x to 1; a lone surrogate made a SyntaxError). A real syntax error is still the
// engine's own SyntaxError.
const render = (data) => Function("obj", "var out = ''; with (obj) { out += greeting + ', ' + name; } return out;")(data);
print("with in Function:", render({ greeting: "hello", name: "world" }));
print("with in eval:", eval("with ({ x: 5 }) x * 2"));
function sloppyCaller(o) {
    return eval("with (o) { a + b }");
}
print("with in a direct eval:", sloppyCaller({ a: 1, b: 2 }));
var x = 0;
eval("x=1//\0\nx=2");
print("NUL in eval:", x);
const lone = eval("'" + String.fromCharCode(0xd800) + "'");
print("lone surrogate in eval:", lone.length, lone.charCodeAt(0).toString(16));
print("lone surrogate in Function:", Function("return '" + String.fromCharCode(0xdc00) + "'")().charCodeAt(0).toString(16));
try {
    eval("with (");
} catch (error) {
    print("syntax error:", error instanceof SyntaxError, error.constructor === SyntaxError);
}
try {
    Function("with (");
} catch (error) {
    print("syntax error in Function:", error instanceof SyntaxError);
}
let kept = { total: 3 };
step(() => {
    print("after migration:", render({ greeting: "bye", name: "all" }), kept.total);
    kept.total += eval("with ({ y: 4 }) y");
});
step(() => print("again:", kept.total));
