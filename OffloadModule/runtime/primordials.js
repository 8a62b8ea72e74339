/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// Built-ins the runtime relies on, taken before any page or test script runs: the app may later patch or delete
// the originals (changes to built-in prototypes are program state that travels), and the runtime must not call
// user code while it walks the heap.
(function (offload) {
    "use strict";

    const uncurryThis = (fn) => Function.prototype.call.bind(fn);

    const P = {
        Object,
        Array,
        Function,
        Symbol,
        Map,
        Set,
        WeakMap,
        WeakSet,
        WeakRef,
        Error,
        TypeError,
        RangeError,
        ReferenceError,
        SyntaxError,
        EvalError,
        URIError,
        AggregateError: globalThis.AggregateError,
        Date,
        RegExp,
        Promise,
        Proxy,
        Reflect,
        ArrayBuffer,
        SharedArrayBuffer: globalThis.SharedArrayBuffer,
        DataView,
        BigInt,
        Number,
        String,
        Boolean,
        Math,
        JSON,
        Uint8Array,
        Uint16Array,
        Float64Array,
        BigUint64Array,
        FinalizationRegistry: globalThis.FinalizationRegistry,
        WebAssembly: globalThis.WebAssembly,
        eval: globalThis.eval,

        ownKeys: Reflect.ownKeys,
        getOwnPropertySymbols: Object.getOwnPropertySymbols,
        getPrototypeOf: Reflect.getPrototypeOf,
        setPrototypeOf: Reflect.setPrototypeOf,
        getOwnPropertyDescriptor: Reflect.getOwnPropertyDescriptor,
        defineProperty: Reflect.defineProperty,
        deleteProperty: Reflect.deleteProperty,
        isExtensible: Reflect.isExtensible,
        preventExtensions: Reflect.preventExtensions,
        apply: Reflect.apply,
        construct: Reflect.construct,
        objectCreate: Object.create,
        objectIs: Object.is,
        isArray: Array.isArray,
        fromCharCode: String.fromCharCode,
        jsonStringify: JSON.stringify,
        jsonParse: JSON.parse,
        mathFloor: Math.floor,
        numberIsInteger: Number.isInteger,

        call: uncurryThis,
        // Called as P.dateNow(): Date.now ignores its receiver, and the program may replace Date.now.
        dateNow: Date.now,
        arrayShift: uncurryThis(Array.prototype.shift),
        functionToString: uncurryThis(Function.prototype.toString),
        functionBind: Function.prototype.bind,
        objectToString: uncurryThis(Object.prototype.toString),
        hasOwn: Object.hasOwn,
        arrayPush: uncurryThis(Array.prototype.push),
        arrayJoin: uncurryThis(Array.prototype.join),
        stringCharCodeAt: uncurryThis(String.prototype.charCodeAt),
        stringSlice: uncurryThis(String.prototype.slice),
        stringIndexOf: uncurryThis(String.prototype.indexOf),
        stringIsWellFormed: uncurryThis(String.prototype.isWellFormed),
        mapGet: uncurryThis(Map.prototype.get),
        mapSet: uncurryThis(Map.prototype.set),
        mapHas: uncurryThis(Map.prototype.has),
        mapDelete: uncurryThis(Map.prototype.delete),
        mapEntries: uncurryThis(Map.prototype.entries),
        mapForEach: uncurryThis(Map.prototype.forEach),
        mapSize: uncurryThis(Object.getOwnPropertyDescriptor(Map.prototype, "size").get),
        mapClear: uncurryThis(Map.prototype.clear),
        setAdd: uncurryThis(Set.prototype.add),
        setHas: uncurryThis(Set.prototype.has),
        setDelete: uncurryThis(Set.prototype.delete),
        setValues: uncurryThis(Set.prototype.values),
        setForEach: uncurryThis(Set.prototype.forEach),
        setSize: uncurryThis(Object.getOwnPropertyDescriptor(Set.prototype, "size").get),
        weakMapGet: uncurryThis(WeakMap.prototype.get),
        weakMapSet: uncurryThis(WeakMap.prototype.set),
        weakMapHas: uncurryThis(WeakMap.prototype.has),
        weakMapDelete: uncurryThis(WeakMap.prototype.delete),
        weakSetAdd: uncurryThis(WeakSet.prototype.add),
        weakSetHas: uncurryThis(WeakSet.prototype.has),
        weakSetDelete: uncurryThis(WeakSet.prototype.delete),
        weakRefDeref: uncurryThis(WeakRef.prototype.deref),
        iteratorNext: (iterator) => iterator.next(),
        dateGetTime: uncurryThis(Date.prototype.getTime),
        errorIsError: Error.isError,
        regExpSource: uncurryThis(Object.getOwnPropertyDescriptor(RegExp.prototype, "source").get),
        // The built-in exec: RegExp.prototype.test would call the `exec` the program may have put on the prototype.
        regExpExec: uncurryThis(RegExp.prototype.exec),

        bigIntToString: uncurryThis(BigInt.prototype.toString),
        numberToString: uncurryThis(Number.prototype.toString),
        numberValueOf: uncurryThis(Number.prototype.valueOf),
        stringValueOf: uncurryThis(String.prototype.valueOf),
        booleanValueOf: uncurryThis(Boolean.prototype.valueOf),
        symbolValueOf: uncurryThis(Symbol.prototype.valueOf),
        bigIntValueOf: uncurryThis(BigInt.prototype.valueOf),
        symbolDescription: uncurryThis(Object.getOwnPropertyDescriptor(Symbol.prototype, "description").get),
        symbolKeyFor: Symbol.keyFor,
        symbolFor: Symbol.for,
        arrayBufferByteLength: uncurryThis(Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "byteLength").get),
        arrayBufferSlice: uncurryThis(ArrayBuffer.prototype.slice),
        arrayBufferIsView: ArrayBuffer.isView,
        dataViewBuffer: uncurryThis(Object.getOwnPropertyDescriptor(DataView.prototype, "buffer").get),
        dataViewByteOffset: uncurryThis(Object.getOwnPropertyDescriptor(DataView.prototype, "byteOffset").get),
        dataViewByteLength: uncurryThis(Object.getOwnPropertyDescriptor(DataView.prototype, "byteLength").get),
        promiseThen: uncurryThis(Promise.prototype.then),
        promiseSpeciesGetter: Object.getOwnPropertyDescriptor(Promise, Symbol.species).get,
    };

    // %TypedArray% and its accessors read typed-array internals without calling user code.
    const TypedArray = Reflect.getPrototypeOf(Uint8Array);
    const typedArrayAccessor = (name) => uncurryThis(Reflect.getOwnPropertyDescriptor(TypedArray.prototype, name).get);
    // A RegExp's flags, from each flag's own built-in getter in the order the `flags` getter uses: that getter reads
    // the flags as properties, which runs the program's getters if it replaced them.
    const regExpFlagGetters = [];
    for (const [letter, name] of [["d", "hasIndices"], ["g", "global"], ["i", "ignoreCase"], ["m", "multiline"], ["s", "dotAll"], ["u", "unicode"], ["v", "unicodeSets"], ["y", "sticky"]]) {
        const descriptor = Reflect.getOwnPropertyDescriptor(RegExp.prototype, name);
        if (descriptor)
            regExpFlagGetters.push([letter, uncurryThis(descriptor.get)]);
    }
    P.regExpFlags = (regExp) => {
        let flags = "";
        for (let i = 0; i < regExpFlagGetters.length; ++i) {
            if (regExpFlagGetters[i][1](regExp))
                flags += regExpFlagGetters[i][0];
        }
        return flags;
    };
    P.TypedArray = TypedArray;
    P.typedArrayBuffer = typedArrayAccessor("buffer");
    P.typedArrayByteOffset = typedArrayAccessor("byteOffset");
    P.typedArrayLength = typedArrayAccessor("length");
    P.typedArrayTag = typedArrayAccessor(Symbol.toStringTag);
    P.typedArraySet = uncurryThis(TypedArray.prototype.set);
    // Throws only for a view out of its buffer's bounds (or on a detached buffer): `length` reads 0 then too.
    P.typedArrayAt = uncurryThis(TypedArray.prototype.at);

    const detached = Reflect.getOwnPropertyDescriptor(ArrayBuffer.prototype, "detached");
    P.arrayBufferDetached = detached ? uncurryThis(detached.get) : () => false;
    P.arrayBufferTransfer = uncurryThis(ArrayBuffer.prototype.transfer);
    const resizable = Reflect.getOwnPropertyDescriptor(ArrayBuffer.prototype, "resizable");
    P.arrayBufferResizable = resizable ? uncurryThis(resizable.get) : () => false;
    const maxByteLength = Reflect.getOwnPropertyDescriptor(ArrayBuffer.prototype, "maxByteLength");
    P.arrayBufferMaxByteLength = maxByteLength ? uncurryThis(maxByteLength.get) : P.arrayBufferByteLength;
    P.arrayBufferResize = ArrayBuffer.prototype.resize ? uncurryThis(ArrayBuffer.prototype.resize) : undefined;

    // Collections the runtime owns carry the original methods as own properties: calls on them reach the real
    // built-ins even after the app patches Map.prototype, and run as fast as ordinary method calls (calling through
    // Function.prototype.call.bind is about ten times slower on JavaScriptCore 2.50).
    const methodNames = {
        Map: ["get", "set", "has", "delete", "clear", "keys", "values", "entries", "forEach"],
        Set: ["add", "has", "delete", "clear", "values", "forEach"],
        WeakMap: ["get", "set", "has", "delete"],
        WeakSet: ["add", "has", "delete"],
    };
    // The methods are taken now, with the constructors: the runtime makes owned collections while the program runs
    // and while it is captured, when the globals and the prototypes may be the program's (it may delete `Map` or
    // replace `Map.prototype.get`).
    const originalMethods = (prototype, names) => {
        const methods = [];
        for (let i = 0; i < names.length; ++i)
            methods[i] = { value: prototype[names[i]] };
        return methods;
    };
    const ownedMethods = {
        Map: originalMethods(Map.prototype, methodNames.Map),
        Set: originalMethods(Set.prototype, methodNames.Set),
        WeakMap: originalMethods(WeakMap.prototype, methodNames.WeakMap),
        WeakSet: originalMethods(WeakSet.prototype, methodNames.WeakSet),
    };
    // Index loops, not for-of or the constructors' iterable argument: those go through Array.prototype[Symbol.iterator],
    // which the app may replace, and these run while the app's code runs (hooks) or is being captured.
    const own = (collection, kind) => {
        const names = methodNames[kind];
        const methods = ownedMethods[kind];
        for (let i = 0; i < names.length; ++i)
            P.defineProperty(collection, names[i], methods[i]);
        return collection;
    };
    // `entries` and `values` are arrays of the runtime's.
    P.ownedMap = (entries) => {
        const map = own(new P.Map(), "Map");
        for (let i = 0; entries && i < entries.length; ++i)
            map.set(entries[i][0], entries[i][1]);
        return map;
    };
    P.ownedSet = (values) => {
        const set = own(new P.Set(), "Set");
        for (let i = 0; values && i < values.length; ++i)
            set.add(values[i]);
        return set;
    };
    P.ownedWeakMap = () => own(new P.WeakMap(), "WeakMap");
    P.ownedWeakSet = () => own(new P.WeakSet(), "WeakSet");

    // The values (or keys) of an owned Map or Set as an array, through its own forEach: spreading or for-of would go
    // through the iterator protocol the app may have replaced.
    P.valuesOf = (collection) => {
        const values = [];
        collection.forEach((value) => {
            values[values.length] = value;
        });
        return values;
    };
    P.keysOf = (map) => {
        const keys = [];
        map.forEach((value, key) => {
            keys[keys.length] = key;
        });
        return keys;
    };
    // Whether `list` holds `item` (===), by index: Array.prototype.includes may be the program's.
    P.listIncludes = (list, item) => {
        for (let i = 0; i < list.length; ++i) {
            if (list[i] === item)
                return true;
        }
        return false;
    };

    // A copy of `array` from `start`, by index: Array.prototype.slice would make the copy through the program's
    // Array[Symbol.species] (or the array's constructor) if it defined one.
    P.arrayCopy = (array, start = 0) => {
        const copy = [];
        for (let i = start; i < array.length; ++i)
            copy[i - start] = array[i];
        return copy;
    };

    // Reflect.apply as taken now: the program may replace the global Reflect's.
    const apply = Reflect.apply;
    const sortMethod = Array.prototype.sort;
    P.arraySort = (array, compare) => apply(sortMethod, array, compare === undefined ? [] : [compare]);

    // A fast, patch-proof call of a built-in method without arguments on a value of the app.
    const noArguments = Object.freeze([]);
    const toStringMethod = Object.prototype.toString;
    P.objectToString = (value) => apply(toStringMethod, value, noArguments);

    // Intl objects keep their locale data in engine slots; each kind is made again from what `resolvedOptions()` (a
    // Locale: its tag) tells. `brand` throws for any other object without running code of the program: that is
    // resolvedOptions itself, except for NumberFormat and DateTimeFormat, whose resolvedOptions on another object
    // inheriting from their prototype follows the legacy unwrapping (an instanceof walk that runs proxy traps) and
    // whose formatToParts does not. `probe` formats a fixed value, to check that the object made again behaves the
    // same (kinds/intl.js).
    const intlKinds = [];
    const intlGetter = (constructor, name) => uncurryThis(Reflect.getOwnPropertyDescriptor(constructor.prototype, name).get);
    if (typeof Intl === "object" && Intl !== null) {
        const names = ["Collator", "DateTimeFormat", "DisplayNames", "DurationFormat", "ListFormat", "Locale", "NumberFormat", "PluralRules", "RelativeTimeFormat", "Segmenter"];
        for (const name of names) {
            const constructor = Intl[name];
            if (typeof constructor !== "function")
                continue;
            const kind = { name, tag: `[object Intl.${name}]`, brand: null, options: null, make: null, probe: null };
            if (name === "Locale") {
                const toString = uncurryThis(constructor.prototype.toString);
                kind.options = (object) => ({ locale: toString(object) });
                kind.make = (options) => new constructor(options.locale);
            } else {
                kind.options = uncurryThis(constructor.prototype.resolvedOptions);
                kind.make = (options) => new constructor(options.locale, options);
            }
            kind.brand = kind.options;
            if (name === "NumberFormat" || name === "DateTimeFormat") {
                const formatToParts = uncurryThis(constructor.prototype.formatToParts);
                kind.brand = (object) => formatToParts(object, 0);
                const format = intlGetter(constructor, "format");
                kind.probe = (object) => format(object)(name === "NumberFormat" ? -1234567.891 : 981173106007);
            } else if (name === "Collator") {
                const compare = intlGetter(constructor, "compare");
                kind.probe = (object) => `${compare(object)("a", "B")} ${compare(object)("\u00e4", "a")}`;
            }
            intlKinds[intlKinds.length] = Object.freeze(kind);
        }
    }
    P.intlKinds = Object.freeze(intlKinds);

    offload.primordials = Object.freeze(P);
})
