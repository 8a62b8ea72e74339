// Tests that cyclic object graphs (an object referring to itself, two objects referring to each other, and a long
// ring) are rebuilt with the cycles intact, as identities rather than copies.
"use strict";

const self = { name: "self" };
self.me = self;
const parent = { name: "parent", children: [] };
const child = { name: "child", parent };
parent.children.push(child);
const ring = [];
for (let i = 0; i < 50; ++i)
    ring.push({ index: i });
ring.forEach((node, index) => { node.next = ring[(index + 1) % ring.length]; });
globalThis.ringHead = ring[0];

step(() => {
    print("self cycle:", self.me === self, self.me.me.me.name);
    print("parent/child:", child.parent === parent, parent.children[0] === child, parent.children[0].parent.children[0] === child);
});

step(() => {
    let node = globalThis.ringHead;
    for (let i = 0; i < 50; ++i)
        node = node.next;
    print("ring closes after 50 hops:", node === globalThis.ringHead, node === ring[0]);
    ring[10].next = ring[0];
});

step(() => {
    let node = globalThis.ringHead;
    let hops = 0;
    do {
        node = node.next;
        ++hops;
    } while (node !== globalThis.ringHead);
    print("shortened ring length:", hops);
});
