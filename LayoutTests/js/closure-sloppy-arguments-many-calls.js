// Tests several calls of one sloppy function whose arguments objects stay mapped, differently in each call (one
// call had an index deleted), together with an arrow that reads `arguments` in the same scope: after migration each
// call's closures, parameters and arguments object are tied together as before, and not to another call's.

function makeCell(value, label)
{
    var args = arguments;
    var own = () => arguments;
    return {
        args,
        sameArguments: function () { return own() === args; },
        set: function (v) { args[0] = v; },
        setLabel: function (v) { label = v; },
        read: function () { return value + ":" + label + " args " + args[0] + ":" + args[1]; },
    };
}

var cells = [makeCell(1, "one"), makeCell(2, "two"), makeCell(3, "three")];
delete cells[1].args[1];
cells[1].args[1] = "unmapped";

step(function () {
    cells.forEach(function (cell, i) { cell.set(i * 10); cell.setLabel("L" + i); });
    print(cells.map(function (cell) { return cell.read(); }).join(" | "));
});

step(function () {
    cells.forEach(function (cell, i) { cell.set(i * 100); });
    print(cells.map(function (cell) { return cell.read() + " " + cell.sameArguments(); }).join(" | "));
});
