// Tests a larger heap (a 20 000-node tree with parent links, a 10 000-entry Map and a 10 000-element Set of shared
// objects): every node and link survives migration and the program keeps mutating it across turns.
"use strict";

const nodes = [];
const root = { id: 0, parent: null, children: [] };
nodes.push(root);
for (let id = 1; id < 20000; ++id) {
    const parent = nodes[(id - 1) >> 1];
    const node = { id, parent, children: [] };
    parent.children.push(node);
    nodes.push(node);
}
const byId = new Map(nodes.slice(0, 10000).map((node) => [node.id, node]));
const marked = new Set(nodes.filter((node) => node.id % 2 === 0).slice(0, 10000));

function depthOf(node)
{
    let depth = 0;
    while (node.parent) {
        node = node.parent;
        ++depth;
    }
    return depth;
}

function countTree(node)
{
    let count = 0;
    const stack = [node];
    while (stack.length) {
        const current = stack.pop();
        ++count;
        stack.push(...current.children);
    }
    return count;
}

step(() => {
    print("tree size:", countTree(root), "deepest:", depthOf(nodes[19999]));
    print("map identity:", byId.get(9999) === nodes[9999], "set identity:", marked.has(nodes[19998]), marked.size);
    byId.get(1).children.length = 0;
});

step(() => {
    print("tree size after cutting node 1's children:", countTree(root));
    print("cut nodes still linked upwards:", nodes[3].parent === nodes[1], depthOf(nodes[19999]));
});
