// Tests that a long string (a blob) replaced by another of the same length between two migrations travels with its
// new contents, also when the new one needs UTF-16 where the old one did not, and that an older long string
// dropped and made again later comes back equal: the capture keeps the blobs of the long strings it met last time,
// and must never carry a kept one for a string whose contents differ.
"use strict";

const size = 8192;
const state = { text: "a".repeat(size), previous: null };

function describe(text)
{
    let sum = 0;
    for (let i = 0; i < text.length; ++i)
        sum = (sum * 33 + text.charCodeAt(i)) % 1000003;
    return `${text.length} ${text[0]}${text[text.length - 1]} ${sum}`;
}

step(() => {
    print("first:", describe(state.text));
    state.previous = state.text;
    state.text = "b".repeat(size - 1) + "a";
});

step(() => {
    print("same length, new contents:", describe(state.text), "previous kept:", describe(state.previous));
    state.text = "\u03bb".repeat(size);
    state.previous = null;
});

step(() => {
    print("now UTF-16:", describe(state.text));
    state.text = "a".repeat(size);
});

step(() => {
    print("made again:", describe(state.text), state.text === "a".repeat(size));
});
