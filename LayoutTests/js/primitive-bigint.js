// Tests that BigInt values of every size and sign keep their exact value, keep working in arithmetic and stay
// usable as Map keys after a turn boundary.
"use strict";

const small = 42n;
const negative = -123456789012345678901234567890n;
const huge = 2n ** 200n + 7n;
const zero = 0n;
const keyed = new Map([[10n, "ten"], [huge, "huge"]]);
const holder = { value: -1n };

step(() => {
    print("small:", small, typeof small);
    print("negative:", negative);
    print("huge:", huge);
    print("zero:", zero, "negated is zero:", -zero === 0n);
    print("holder:", holder.value);
});

step(() => {
    print("huge % 1000n:", huge % 1000n);
    print("negative * -1n:", negative * -1n);
    print("map by equal bigint:", keyed.get(10n), keyed.get(2n ** 200n + 7n));
    print("BigInt.asUintN(64, -1n):", BigInt.asUintN(64, holder.value));
});
