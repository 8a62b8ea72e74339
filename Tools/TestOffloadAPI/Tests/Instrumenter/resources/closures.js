// Used by the Instrumenter.CLI tests: a counter closure, a class and an object literal method.
let count = 0;
function counter() {
    let n = 0;
    return () => ++n + count;
}
class Widget {
    render() { return [1, 2].map(x => x * 2); }
}
var api = { get total() { return count; } };
