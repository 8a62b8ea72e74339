// Tests that a restore re-creates classes whose `extends` clause holds comments, braces in strings and regular
// expressions, or parentheses right after `extends`, and whose name is not ASCII: the restore replaces the heritage
// expression by `null` (its bindings are not restored yet) at the offsets the instrumenter gives, instead of
// scanning the class's text for it.
class Base { hello() { return "base"; } }
const mixin = (B, tag) => class extends B { tag() { return tag; } };
class Ä /* { */ extends /* } */ mixin(Base, "{" + /[{}]/.source + "}") { own() { return "own"; } } // {
class Plain extends(Base){x(){return 1}}
const made = new Ä();
step(() => {
    print(made.hello(), made.tag(), made.own(), new Ä().tag(), new Plain().x(), new Plain().hello());
    print("chains:", Object.getPrototypeOf(Object.getPrototypeOf(Ä)) === Base, Object.getPrototypeOf(Plain) === Base);
});
step(() => print("again:", new Ä().own(), made instanceof Base));
