// Tests that global and sticky regular expressions keep their lastIndex between turns, so that an exec loop spread
// over several turns continues where it stopped instead of starting over; flags and source are kept.
"use strict";

const words = /\w+/g;
const sticky = /ab/y;
const text = "alpha beta gamma delta";
const stickyText = "ababxab";
words.exec(text);

step(() => {
    print("flags:", words.flags, sticky.flags, "source:", words.source);
    print("lastIndex after first exec:", words.lastIndex);
    print("next match:", words.exec(text)[0], "lastIndex:", words.lastIndex);
    print("sticky:", sticky.exec(stickyText)[0], sticky.lastIndex);
});

step(() => {
    print("continues:", words.exec(text)[0], words.lastIndex);
    print("sticky continues:", sticky.test(stickyText), sticky.lastIndex);
    print("sticky fails at gap:", sticky.test(stickyText), sticky.lastIndex);
});

step(() => {
    print("last word:", words.exec(text)[0], "then null:", words.exec(text), "reset:", words.lastIndex);
    words.lastIndex = 6;
    words.extra = "own property";
});

step(() => {
    print("manual lastIndex kept:", words.lastIndex, words.exec(text)[0], words.extra);
});
