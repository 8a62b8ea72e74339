// Tests that strings containing lone (unpaired) UTF-16 surrogates keep every code unit, both as values and as
// property keys, instead of being replaced or merged during serialisation.
"use strict";

const loneHigh = "a\uD800b";
const loneLow = "\uDC00";
const reversedPair = "\uDE00\uD83D";
const pair = "\uD83D\uDE00";
const keyed = { [loneHigh]: 1, [loneLow]: 2 };

function codeUnits(string)
{
    return Array.from({ length: string.length }, (unused, index) => string.charCodeAt(index).toString(16)).join(" ");
}

step(() => {
    print("lone high:", codeUnits(loneHigh));
    print("lone low:", codeUnits(loneLow));
    print("reversed pair:", codeUnits(reversedPair));
    print("real pair:", codeUnits(pair), "code point:", pair.codePointAt(0).toString(16));
});

step(() => {
    print("keys:", Object.keys(keyed).map(codeUnits).join(" | "));
    print("lookup by rebuilt key:", keyed["a" + String.fromCharCode(0xD800) + "b"], keyed[String.fromCharCode(0xDC00)]);
    print("concatenation forms pair:", (reversedPair[1] + reversedPair[0]) === pair);
    print("encodeURIComponent of the pair:", encodeURIComponent(pair));
    try {
        encodeURIComponent(loneHigh);
        print("encodeURIComponent of a lone surrogate succeeded (wrong: it was replaced)");
    } catch (error) {
        print("encodeURIComponent of a lone surrogate throws URIError:", error instanceof URIError);
    }
});
