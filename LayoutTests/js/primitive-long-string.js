// Tests that long strings (5000 code units and more, which travel as blobs) keep their exact contents, both
// Latin-1 and UTF-16 ones, and that the same long string stored in two places stays equal in both.
"use strict";

let latin1 = "";
for (let i = 0; i < 6000; ++i)
    latin1 += String.fromCharCode(32 + (i * 7) % 95);
const utf16 = "\u03bb\u4e2d\uD83D\uDE00".repeat(2000);
const holder = { first: latin1, second: latin1 };
const base64ish = "QUJDRA==".repeat(1024);

function hash(string)
{
    let value = 0;
    for (let i = 0; i < string.length; ++i)
        value = (Math.imul(value, 31) + string.charCodeAt(i)) | 0;
    return value;
}

step(() => {
    print("latin1 length:", latin1.length, "hash:", hash(latin1));
    print("utf16 length:", utf16.length, "hash:", hash(utf16));
    print("base64 length:", base64ish.length, "hash:", hash(base64ish));
});

step(() => {
    print("two copies equal:", holder.first === holder.second, holder.first === latin1);
    print("slices:", latin1.slice(4990, 5000), utf16.codePointAt(7998).toString(16));
    latin1 += "!";
});

step(() => {
    print("appended length:", latin1.length, "last:", latin1[latin1.length - 1], "holder unchanged:", holder.first.length);
});
