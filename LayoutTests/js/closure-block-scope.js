// Tests closures over block-scoped bindings: a bare block, an if branch, a switch case and a labelled block each
// create their own scope, and closures in them keep exactly their block's bindings after migration.
"use strict";

const readers = {};
let outerName = "outer";
{
    let outerName = "shadowing block";
    readers.block = () => outerName;
}
if (readers.block) {
    const branch = "if branch";
    readers.branch = () => branch;
}
switch (2) {
case 2: {
    let hits = 0;
    readers.switchCase = () => ++hits;
}
}
labelled: {
    let state = "labelled";
    readers.labelled = () => state;
    break labelled;
}
readers.outer = () => outerName;

step(() => {
    print(readers.block(), "|", readers.branch(), "|", readers.switchCase(), "|", readers.labelled(), "|", readers.outer());
    outerName = "outer changed";
});

step(() => {
    print(readers.block(), "|", readers.switchCase(), "|", readers.outer());
});
