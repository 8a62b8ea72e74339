// Tests that a program's own methods named `eval` keep their receiver, arguments and return value once the
// instrumenter rewrites property reads of `eval`: as a method call, through optional chaining, on a class instance,
// through a getter (read once), on a primitive's prototype, and as a value; closures made around them travel.
"use strict";

class Expression {
    constructor(value) {
        this.value = value;
    }
    eval(scale) {
        return this.value * scale;
    }
}
const calculator = {
    base: 10,
    eval(source, extra) {
        return `${this === calculator}:${this.base}:${source}:${extra}`;
    },
};
let getterReads = 0;
const withGetter = {
    get eval() {
        ++getterReads;
        const self = this;
        return function (x) {
            return [this === self, x];
        };
    },
};
Object.defineProperty(Number.prototype, "eval", {
    value: function () {
        return typeof this;
    },
    configurable: true,
    writable: true,
});

const node = new Expression(7);
const detached = calculator.eval;
const useLater = () => [node.eval(3), calculator.eval("src", 1), calculator?.eval("opt", 2)];

print("method:", node.eval(2), calculator.eval("x", "y"), calculator?.eval("z", 0), calculator.eval?.("w", 9));
print("getter:", JSON.stringify(withGetter.eval(5)), "reads:", getterReads);
print("primitive:", (5).eval(), "value read:", typeof detached, detached === calculator.eval);
print("chain:", node.eval(1).toString(), (calculator.eval)("paren", 3));

step(() => {
    print("after migration:", JSON.stringify(useLater()), detached.call(calculator, "call", 4));
});
