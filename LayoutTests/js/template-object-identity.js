// Tests that a tagged template's strings object, which the language caches per template site, is still the same
// object when the same site is evaluated again after migration, and that it stays frozen with its raw strings.
"use strict";

function tag(strings, ...values)
{
    return { strings, values };
}

function evaluateSite(value)
{
    return tag`before ${value} after\n`;
}

const first = evaluateSite(1);

step(() => {
    const second = evaluateSite(2);
    print("same site gives same strings object:", first.strings === second.strings);
    print("frozen:", Object.isFrozen(first.strings), "raw:", JSON.stringify(first.strings.raw));
    print("values:", first.values.join(","), second.values.join(","));
});

step(() => {
    print("still same after another turn:", evaluateSite(3).strings === first.strings);
    print("a different site differs:", tag`before ${0} after\n`.strings === first.strings);
});
