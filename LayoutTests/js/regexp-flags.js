// Tests that regular expressions with the s (dotAll), u (unicode), d (indices), i and m flags behave the same after
// migration, including named groups, match indices, unicode property escapes and a RegExp built from a string.
"use strict";

const dotAll = /a.b/s;
const unicode = /^\u{1F600}\p{Lu}$/u;
const indices = /(?<year>\d{4})-(?<month>\d{2})/d;
const caseMultiline = /^hello$/im;
const built = new RegExp("x+", "gi");
const compound = /(?<word>[a-z]+)/dgimsu;

step(() => {
    print("dotAll:", dotAll.test("a\nb"), dotAll.dotAll, dotAll.flags);
    print("unicode:", unicode.test("\u{1F600}A"), unicode.test("\u{1F600}a"), unicode.unicode);
    const match = indices.exec("on 2024-05 ok");
    print("groups:", match.groups.year, match.groups.month);
    print("indices:", JSON.stringify(match.indices), JSON.stringify(match.indices.groups));
});

step(() => {
    print("case multiline:", caseMultiline.test("first\nHELLO\nlast"), caseMultiline.flags);
    print("built:", "aXxbxxx".replace(built, "_"), built.source, built.flags);
    print("compound flags:", compound.flags, compound.hasIndices, compound.sticky);
});
