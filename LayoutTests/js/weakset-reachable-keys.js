// Tests that WeakSet membership of reachable objects survives migration (used here as a "seen" marker), and that
// additions and deletions after migration still work.
"use strict";

const seen = new WeakSet();
const nodes = [{ id: 0 }, { id: 1 }, { id: 2 }];
seen.add(nodes[0]);
seen.add(nodes[2]);

function visit(node)
{
    if (seen.has(node))
        return `skip ${node.id}`;
    seen.add(node);
    return `visit ${node.id}`;
}

step(() => {
    print(nodes.map(visit).join(", "));
});

step(() => {
    print(nodes.map(visit).join(", "));
    seen.delete(nodes[0]);
});

step(() => {
    print(nodes.map(visit).join(", "));
});
