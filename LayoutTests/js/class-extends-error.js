// Tests that instances of Error subclasses keep their class, name, message, cause and extra fields after migration,
// and that instanceof against the subclass, Error and the thrown/caught path still work.
"use strict";

class ValidationError extends Error {
    constructor(field, message, options)
    {
        super(message, options);
        this.name = "ValidationError";
        this.field = field;
    }
}

class RangeValidationError extends ValidationError {
    get isRange() { return true; }
}

let caught = null;
try {
    throw new RangeValidationError("age", "age must be positive", { cause: { value: -1 } });
} catch (error) {
    caught = error;
}

step(() => {
    print("name/message:", caught.name, "/", caught.message);
    print("field:", caught.field, "cause:", caught.cause.value, "isRange:", caught.isRange);
    print("instanceof:", caught instanceof RangeValidationError, caught instanceof ValidationError, caught instanceof Error);
    print("toString:", String(caught));
});

step(() => {
    print("still an Error for Object.prototype.toString:", Object.prototype.toString.call(caught));
    const again = new ValidationError("email", "missing @");
    print("new after migration:", String(again), again.field);
});
