// A library script that finds the global object the way lodash does when there is neither `self` nor `global`: by
// calling code made with the Function constructor while the script loads. That code is declared before the next
// script of the page.
(function () {
    var root = Function("return this")();
    var makeId = Function("prefix", "var n = 0; return function () { return prefix + ++n; };");
    root.library = {
        foundGlobal: root === globalThis,
        nextId: makeId("id-"),
        counter: function () { var k = 0; return function () { return ++k; }; },
    };
})();
