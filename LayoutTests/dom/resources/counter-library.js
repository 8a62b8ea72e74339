// An external library script: a counter factory whose closures keep their state.
(function (root) {
    "use strict";
    function makeCounter(start) {
        let value = start;
        return { next: () => ++value, peek() { return value; } };
    }
    root.counterLibrary = { makeCounter, loadedStrict: (function () { return this === undefined; })() };
})(this);
