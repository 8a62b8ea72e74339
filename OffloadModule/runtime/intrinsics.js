/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// The built-ins of a fresh global object, each named by the path it is first reached by (`Math.max`,
// `Array.prototype`). Both sides run the same engine and runtime, so a path names the same built-in on both sides: a
// snapshot refers to built-ins by path and they stay the real ones after a restore. A baseline of every built-in's
// own properties lets a capture find the built-ins the app changed; those travel as records.
(function (offload) {
    "use strict";

    const P = offload.primordials;

    // Built-ins not reachable by property paths from the global object.
    const hiddenRoots = [
        ["%TypedArray%", () => P.getPrototypeOf(Int8Array)],
        ["%ArrayIteratorPrototype%", () => P.getPrototypeOf([][Symbol.iterator]())],
        ["%MapIteratorPrototype%", () => P.getPrototypeOf(new Map()[Symbol.iterator]())],
        ["%SetIteratorPrototype%", () => P.getPrototypeOf(new Set()[Symbol.iterator]())],
        ["%StringIteratorPrototype%", () => P.getPrototypeOf(""[Symbol.iterator]())],
        ["%RegExpStringIteratorPrototype%", () => P.getPrototypeOf(/a/[Symbol.matchAll](""))],
        ["%IteratorHelperPrototype%", () => P.getPrototypeOf([].values().map((value) => value))],
        ["%WrapForValidIteratorPrototype%", () => P.getPrototypeOf(Iterator.from({ next: () => ({ done: true }) }))],
        ["%SegmentsPrototype%", () => P.getPrototypeOf(new Intl.Segmenter().segment(""))],
        ["%SegmentIteratorPrototype%", () => P.getPrototypeOf(new Intl.Segmenter().segment("")[Symbol.iterator]())],
        ["%IteratorHelperPrototype%", () => P.getPrototypeOf([].values().map((value) => value))],
        ["%WrapForValidIteratorPrototype%", () => P.getPrototypeOf(Iterator.from({ next: () => ({ done: true }) }))],
        ["%SegmentsPrototype%", () => P.getPrototypeOf(new Intl.Segmenter().segment(""))],
        ["%SegmentIteratorPrototype%", () => P.getPrototypeOf(new Intl.Segmenter().segment("")[Symbol.iterator]())],
        ["%IteratorPrototype%", () => P.getPrototypeOf(P.getPrototypeOf([][Symbol.iterator]()))],
        ["%GeneratorFunction%", () => P.getPrototypeOf(function* () {}).constructor],
        ["%AsyncFunction%", () => P.getPrototypeOf(async function () {}).constructor],
        ["%AsyncGeneratorFunction%", () => P.getPrototypeOf(async function* () {}).constructor],
        ["%AsyncIteratorPrototype%", () => P.getPrototypeOf(P.getPrototypeOf(async function* () {}).prototype)],
        ["%IndirectEval%", () => offload.indirectEval],
        ["%ThrowTypeError%", () => P.getOwnPropertyDescriptor(function () { "use strict"; return arguments; }(), "callee").get],
    ];

    // Names the runtime keeps for itself; they are neither built-ins of the app nor program state. An owned set: the
    // capture asks it about every global while the program's Set.prototype.has may be in place.
    const runtimeGlobals = P.ownedSet(["__offload", "__offloadNative"]);

    const keyToPath = (key) => (typeof key === "symbol" ? `[${P.symbolDescription(key)}]` : key);

    class Intrinsics {
        constructor() {
            this.pathOf = P.ownedMap();
            this.byPath = P.ownedMap();
            this.baselines = P.ownedMap();
            this.wellKnownSymbols = P.ownedMap();
            this.symbolByName = P.ownedMap();
        }

        static isRuntimeGlobal(key) {
            return runtimeGlobals.has(key);
        }

        // Walks the global object breadth-first; the first path to reach a built-in names it.
        build() {
            for (const key of P.ownKeys(Symbol)) {
                const value = Symbol[key];
                if (typeof value === "symbol") {
                    this.wellKnownSymbols.set(value, key);
                    this.symbolByName.set(key, value);
                }
            }

            const queue = [];
            const add = (value, path) => {
                if ((typeof value !== "object" && typeof value !== "function") || value === null)
                    return;
                if (value === globalThis || this.pathOf.has(value))
                    return;
                this.pathOf.set(value, path);
                this.byPath.set(path, value);
                queue[queue.length] = value;
            };

            for (const key of P.ownKeys(globalThis)) {
                if (Intrinsics.isRuntimeGlobal(key))
                    continue;
                const descriptor = P.getOwnPropertyDescriptor(globalThis, key);
                add(descriptor.value, keyToPath(key));
                add(descriptor.get, `get ${keyToPath(key)}`);
                add(descriptor.set, `set ${keyToPath(key)}`);
            }
            // Constructors' prototypes are named after them (`Function.prototype`, not `isNaN.__proto__`).
            for (const key of P.ownKeys(globalThis)) {
                const descriptor = P.getOwnPropertyDescriptor(globalThis, key);
                if (typeof descriptor.value === "function" && typeof key === "string") {
                    const prototype = P.getOwnPropertyDescriptor(descriptor.value, "prototype");
                    if (prototype && "value" in prototype)
                        add(prototype.value, `${key}.prototype`);
                }
            }
            for (const [name, find] of hiddenRoots) {
                try {
                    add(find(), name);
                } catch {
                    // A built-in this engine does not have.
                }
            }
            add(P.getPrototypeOf(globalThis), "%GlobalPrototype%");

            for (let i = 0; i < queue.length; ++i) {
                const object = queue[i];
                const path = this.pathOf.get(object);
                add(P.getPrototypeOf(object), `${path}.__proto__`);
                for (const key of P.ownKeys(object)) {
                    const descriptor = P.getOwnPropertyDescriptor(object, key);
                    const childPath = `${path}.${keyToPath(key)}`;
                    if ("value" in descriptor)
                        add(descriptor.value, childPath);
                    else {
                        add(descriptor.get, `${childPath}.get`);
                        add(descriptor.set, `${childPath}.set`);
                    }
                }
            }

            for (const object of queue)
                this.baselines.set(object, Intrinsics.describe(object));
            this.baselines.set(globalThis, Intrinsics.describe(globalThis));
        }

        static describe(object) {
            const keys = P.ownKeys(object);
            const descriptors = [];
            for (const key of keys)
                descriptors[descriptors.length] = P.getOwnPropertyDescriptor(object, key);
            return { prototype: P.getPrototypeOf(object), extensible: P.isExtensible(object), keys, descriptors };
        }

        static sameDescriptor(a, b) {
            return (
                a.writable === b.writable &&
                a.enumerable === b.enumerable &&
                a.configurable === b.configurable &&
                P.objectIs(a.value, b.value) &&
                a.get === b.get &&
                a.set === b.set
            );
        }

        // True when the built-in's own properties, prototype or extensibility differ from the fresh engine's.
        isChanged(object) {
            const baseline = this.baselines.get(object);
            if (P.getPrototypeOf(object) !== baseline.prototype || P.isExtensible(object) !== baseline.extensible)
                return true;
            const keys = P.ownKeys(object);
            if (keys.length !== baseline.keys.length)
                return true;
            for (let i = 0; i < keys.length; ++i) {
                if (keys[i] !== baseline.keys[i])
                    return true;
                if (!Intrinsics.sameDescriptor(P.getOwnPropertyDescriptor(object, keys[i]), baseline.descriptors[i]))
                    return true;
            }
            return false;
        }

        changedIntrinsics() {
            // The owned map's own forEach, not for-of: the capture must not go through an iterator the app replaced.
            const changed = [];
            this.baselines.forEach((baseline, object) => {
                if (object !== globalThis && this.isChanged(object))
                    changed[changed.length] = object;
            });
            return changed;
        }
    }

    offload.Intrinsics = Intrinsics;
})
