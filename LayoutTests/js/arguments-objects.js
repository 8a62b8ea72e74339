// Tests arguments objects of every kind across migration: an escaped strict one, one of a sloppy function that no
// closure's parameters alias, one with an extra property and a deleted index, one read by an arrow inside a block,
// and one read through a direct eval. Each keeps its values, length, class and callee.
function sloppyKeep() {
    var kept = arguments;
    return () => kept;
}

function strictEscape() {
    "use strict";
    return arguments;
}

function viaEval(base) {
    "use strict";
    return eval("(extra) => base + extra + arguments.length");
}

function inBlock() {
    "use strict";
    if (arguments.length) {
        let first = arguments[0];
        return () => `${first} of ${arguments.length}: ${[...arguments].join("+")}`;
    }
}

const sloppy = sloppyKeep("s1", "s2")();
const strict = strictEscape(1, 2, 3);
strict.note = "noted";
delete strict[1];
const evalArrow = viaEval(10, 20, 30);
const blockArrow = inBlock("x", "y");

function describe(args) {
    const callee = Object.getOwnPropertyDescriptor(args, "callee");
    return [Object.prototype.toString.call(args), args.length, JSON.stringify(Object.keys(args)),
        "value" in callee ? `callee ${callee.value.name}` : "callee accessor", typeof args[Symbol.iterator]].join(" ");
}

step(() => {
    print(describe(sloppy), "|", describe(strict));
    print(evalArrow(1), blockArrow());
});

step(() => {
    print(describe(sloppy), "|", describe(strict), strict.note, 1 in strict);
    print(evalArrow(2), blockArrow(), [...sloppy].join());
    try {
        strict.callee;
    } catch (error) {
        print("strict callee:", error.constructor.name);
    }
});
