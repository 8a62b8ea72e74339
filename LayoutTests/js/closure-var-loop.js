// Tests the opposite of per-iteration bindings: closures created in a `var` loop share the single function-scoped
// variable, so after migration they all still see (and can change) the same final value.

function collect()
{
    var readers = [];
    for (var i = 0; i < 3; ++i)
        readers.push(function () { return i; });
    readers.push(function () { i = 42; });
    return readers;
}

var readers = collect();

step(function () {
    print("all see final value:", readers[0](), readers[1](), readers[2]());
    readers[3]();
});

step(function () {
    print("all see shared write:", readers[0](), readers[1](), readers[2]());
});
