// Tests that Error objects of each built-in kind keep their type, name, message, cause and extra own properties
// after migration (stacks are engine-specific and not printed), and that an error without a message stays so.
"use strict";

const errors = [
    new Error("plain"),
    new TypeError("type"),
    new RangeError("range"),
    new SyntaxError("syntax"),
    new ReferenceError("reference"),
    new EvalError("eval"),
    new URIError("uri"),
];
const detailed = new Error("with extras", { cause: "root cause" });
detailed.code = "E_OFFLOAD";
detailed.details = { retry: true };
const noMessage = new Error();
let builtInError = null;
try {
    null.property;
} catch (error) {
    builtInError = error;
}

step(() => {
    print("kinds:", errors.map((error) => `${error.name}:${error.message}`).join(" "));
    print("instanceof own class:", errors.every((error) => error instanceof globalThis[error.name]));
    print("detailed:", detailed.message, detailed.cause, detailed.code, detailed.details.retry);
    print("no message:", JSON.stringify(noMessage.message), Object.prototype.hasOwnProperty.call(noMessage, "message"));
});

step(() => {
    print("built-in thrown error:", builtInError instanceof TypeError, builtInError.name);
    print("message not enumerable:", Object.getOwnPropertyDescriptor(detailed, "message").enumerable);
    print("keys:", Object.keys(detailed).join(","));
    detailed.code = "E_CHANGED";
    print("toString:", String(detailed), detailed.code);
});
