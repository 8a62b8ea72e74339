// The corpus harness: evaluated, as written, before a bundle in the plain context and in the instrumented one (with
// the offload runtime installed), so that both runs see the same world. It defines what browser bundles touch while
// they load, makes the clock and Math.random deterministic, and returns the functions the checker calls afterwards:
// markBaseline() once the bundle's prerequisites ran, describe() after the bundle, drainTimers() after the smoke
// script, and output(). The value of this script is a function of one argument: whether to define a fake DOM.
(function (withDocument) {
    "use strict";
    const global = globalThis;
    const lines = [];
    const { getOwnPropertyNames, getOwnPropertyDescriptor, getOwnPropertySymbols, getPrototypeOf } = Object;

    // JavaScriptCore quotes the failing expression in some messages; instrumented code may read differently there.
    const errorText = (error) => String(error).replace(/ \(evaluating '[\s\S]*'\)$/, "").replace(/\. \(In '[\s\S]*\)$/, ".").replace(/ \(near '[\s\S]*$/, "");
    const print = function print(...args) {
        lines.push(args.map((value) => String(value)).join(" "));
    };
    global.print = print;
    // offload-jsc's other engine-test global, which only the instrumented run's engine session defines.
    delete global.step;
    global.self = global;
    global.window = global;
    global.console = {};
    for (const level of ["log", "info", "warn", "error", "debug", "trace"])
        global.console[level] = (...args) => print("console." + level + ":", ...args);

    // A fixed sequence instead of randomness (jQuery's expando, ids made at load), and a clock that only moves when
    // read: both runs must compute the same values.
    let seed = 0x2545f491;
    Math.random = function random() {
        seed ^= seed << 13;
        seed ^= seed >>> 17;
        seed ^= seed << 5;
        return (seed >>> 0) / 4294967296;
    };
    let now = 1700000000000;
    Date.now = function now_() {
        return now++;
    };
    global.performance = { now: () => now++ - 1700000000000, mark() {}, measure() {} };

    // Timers are queued and run, in order, by drainTimers(); an interval runs once.
    const timers = [];
    let nextTimer = 1;
    const addTimer = (callback, args) => {
        timers.push({ id: nextTimer, callback, args });
        return nextTimer++;
    };
    const removeTimer = (id) => {
        const index = timers.findIndex((timer) => timer.id === id);
        if (index >= 0)
            timers.splice(index, 1);
    };
    global.setTimeout = (callback, delay, ...args) => addTimer(callback, args);
    global.setInterval = (callback, delay, ...args) => addTimer(callback, args);
    global.requestAnimationFrame = (callback) => addTimer(callback, [0]);
    global.clearTimeout = removeTimer;
    global.clearInterval = removeTimer;
    global.cancelAnimationFrame = removeTimer;
    if (typeof global.queueMicrotask !== "function")
        global.queueMicrotask = (callback) => Promise.resolve().then(callback);

    global.navigator = {
        userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15",
        platform: "Linux x86_64", language: "en-US", languages: ["en-US"], vendor: "", maxTouchPoints: 0,
    };
    global.location = { href: "about:blank", protocol: "about:", host: "", hostname: "", port: "", pathname: "blank",
        search: "", hash: "", origin: "null" };

    if (withDocument) {
        // Just enough of a DOM for the feature tests bundles run at load: nodes form trees (so that cloneNode(true)
        // and lastChild agree), but nothing renders and no event fires.
        const noop = () => {};
        const makeNode = (nodeType, name) => {
            const attributes = new Map();
            const node = {
                nodeType, nodeName: name, tagName: name, style: {}, dataset: {}, attributes: [], childNodes: [],
                parentNode: null, innerHTML: "", textContent: "", value: "", className: "", checked: false,
                classList: { add: noop, remove: noop, toggle: () => false, contains: () => false },
                get children() { return node.childNodes.filter((child) => child.nodeType === 1); },
                get parentElement() { return node.parentNode; },
                get firstChild() { return node.childNodes[0] || null; },
                get lastChild() { return node.childNodes[node.childNodes.length - 1] || null; },
                get nextSibling() { return sibling(node, 1); },
                get previousSibling() { return sibling(node, -1); },
                setAttribute: (key, value) => void attributes.set(String(key), String(value)),
                getAttribute: (key) => (attributes.has(String(key)) ? attributes.get(String(key)) : null),
                hasAttribute: (key) => attributes.has(String(key)),
                removeAttribute: (key) => void attributes.delete(String(key)),
                appendChild: (child) => insert(node, child, null), insertBefore: (child, before) => insert(node, child,
                    before), removeChild: (child) => remove(node, child),
                replaceChild: (child, old) => (insert(node, child, old), remove(node, old)),
                cloneNode: (deep) => {
                    const copy = makeNode(nodeType, name);
                    for (const [key, value] of attributes)
                        copy.setAttribute(key, value);
                    copy.checked = node.checked;
                    copy.value = node.value;
                    if (deep)
                        node.childNodes.forEach((child) => copy.appendChild(child.cloneNode(true)));
                    return copy;
                },
                addEventListener: noop, removeEventListener: noop, dispatchEvent: () => true, insertAdjacentHTML: noop,
                getElementsByTagName: () => [], getElementsByClassName: () => [], querySelector: () => null,
                querySelectorAll: () => [], matches: () => false, contains: () => false, closest: () => null,
                compareDocumentPosition: () => 0, getBoundingClientRect: () => ({ top: 0, left: 0, right: 0,
                    bottom: 0, width: 0, height: 0, x: 0, y: 0 }), getClientRects: () => [], focus: noop, blur: noop,
                getContext: () => null, hostname: "", host: "", protocol: "about:", pathname: "", search: "",
                hash: "", port: "", href: "",
            };
            return node;
        };
        const sibling = (node, step) => {
            const parent = node.parentNode;
            return parent ? parent.childNodes[parent.childNodes.indexOf(node) + step] || null : null;
        };
        const remove = (parent, child) => {
            const index = parent.childNodes.indexOf(child);
            if (index >= 0)
                parent.childNodes.splice(index, 1);
            child.parentNode = null;
            return child;
        };
        const insert = (parent, child, before) => {
            if (child.parentNode)
                remove(child.parentNode, child);
            const index = before ? parent.childNodes.indexOf(before) : -1;
            parent.childNodes.splice(index >= 0 ? index : parent.childNodes.length, 0, child);
            child.parentNode = parent;
            return child;
        };
        const document = makeNode(9, "#document");
        const html = document.appendChild(makeNode(1, "HTML"));
        Object.assign(document, {
            documentElement: html, head: html.appendChild(makeNode(1, "HEAD")), body: html.appendChild(makeNode(1,
                "BODY")), readyState: "complete", currentScript: null, cookie: "", title: "", defaultView: global,
            createElement: (name) => makeNode(1, String(name).toUpperCase()),
            createElementNS: (namespace, name) => makeNode(1, String(name)),
            createTextNode: () => makeNode(3, "#text"), createComment: () => makeNode(8, "#comment"),
            createDocumentFragment: () => makeNode(11, "#document-fragment"),
            createEvent: () => ({ initEvent: noop, initCustomEvent: noop }), getElementById: () => null,
            implementation: { createHTMLDocument: () => {
                const created = makeNode(9, "#document");
                created.body = created.appendChild(makeNode(1, "BODY"));
                return created;
            } },
        });
        global.document = document;
        global.addEventListener = noop;
        global.removeEventListener = noop;
        global.getComputedStyle = () => ({ getPropertyValue: () => "" });
        global.matchMedia = () => ({ matches: false, addListener: noop, removeListener: noop });
        global.screen = { width: 1280, height: 800, deviceXDPI: 96, logicalXDPI: 96 };
        global.devicePixelRatio = 1;
        // Constructors bundles test or extend at load.
        for (const name of ["Node", "Element", "HTMLElement", "SVGElement", "Document", "DocumentFragment", "Event",
                 "CustomEvent", "MutationObserver", "XPathEvaluator", "XMLHttpRequest"]) {
            const constructor = function () {};
            Object.defineProperty(constructor, "name", { value: name });
            Object.assign(constructor.prototype, { contains: () => false, observe: noop, disconnect: noop,
                takeRecords: () => [], createExpression: () => ({ evaluate: () => ({ snapshotLength: 0 }) }) });
            global[name] = constructor;
        }
    }

    // What the bundle is compared by: the globals it adds, with their own properties one level down, globals it
    // replaces, and what it adds to or replaces in the built-ins (polyfills, zone.js).
    const builtins = ["Object", "Function", "Array", "String", "Number", "Boolean", "Symbol", "Promise", "Map", "Set",
        "WeakMap", "WeakSet", "RegExp", "Date", "Error", "Math", "JSON", "Reflect", "ArrayBuffer", "Uint8Array"];
    const builtinObjects = () => {
        const objects = [];
        for (const name of builtins) {
            const value = global[name];
            if ((typeof value === "object" || typeof value === "function") && value !== null) {
                objects.push([name, value]);
                const prototype = getOwnPropertyDescriptor(value, "prototype");
                if (prototype && typeof prototype.value === "object" && prototype.value !== null)
                    objects.push([name + ".prototype", prototype.value]);
            }
        }
        return objects;
    };
    // Names starting with __of belong to the offload runtime (its global `__offload`), which only the instrumented
    // run has; a bundle that keeps the global object in a property would show it.
    const ownKeys = (object) => [...getOwnPropertyNames(object), ...getOwnPropertySymbols(object).map(String)]
        .filter((key) => !key.startsWith("__of"));
    const keyOf = (object, key) => (key.startsWith("Symbol(") ? getOwnPropertySymbols(object).find((symbol) =>
        String(symbol) === key) : key);
    const dataValue = (object, key) => {
        const descriptor = getOwnPropertyDescriptor(object, key);
        return descriptor && "value" in descriptor ? descriptor.value : undefined;
    };

    let baseline = null;
    const markBaseline = () => {
        const values = new Map();
        for (const name of getOwnPropertyNames(global))
            values.set(name, dataValue(global, name));
        const objects = builtinObjects().map(([name, object]) => [name, object, new Map(ownKeys(object).map(
            (key) => [key, dataValue(object, keyOf(object, key))]))]);
        baseline = { values, objects };
    };

    const summary = (descriptor) => {
        if (!("value" in descriptor))
            return "accessor" + (descriptor.get ? " get" : "") + (descriptor.set ? " set" : "");
        const value = descriptor.value;
        switch (typeof value) {
        case "function":
            return "function " + String(dataValue(value, "name")) + "/" + String(dataValue(value, "length"));
        case "string":
            return "string " + JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value);
        case "object": {
            if (value === null)
                return "null";
            if (Array.isArray(value))
                return "array " + value.length;
            const prototype = getPrototypeOf(value);
            const constructor = prototype === null ? null : dataValue(prototype, "constructor");
            return "object " + (typeof constructor === "function" ? String(dataValue(constructor, "name")) : "-");
        }
        default:
            return typeof value + " " + String(value);
        }
    };
    const propertyLimit = 400;
    const describeProperties = (object) => {
        const keys = ownKeys(object).sort();
        for (const key of keys.slice(0, propertyLimit))
            print("  ." + key, summary(getOwnPropertyDescriptor(object, keyOf(object, key))));
        if (keys.length > propertyLimit)
            print("  … " + (keys.length - propertyLimit) + " more");
    };
    const describe = () => {
        const added = getOwnPropertyNames(global).filter((name) => !baseline.values.has(name)).sort();
        print("globals added: " + added.length);
        for (const name of added) {
            const descriptor = getOwnPropertyDescriptor(global, name);
            print(name, summary(descriptor));
            const value = descriptor.value;
            if ((typeof value === "object" && value !== null) || typeof value === "function")
                describeProperties(value);
        }
        for (const [name, value] of baseline.values) {
            const descriptor = getOwnPropertyDescriptor(global, name);
            if (!descriptor)
                print("global removed:", name);
            else if ("value" in descriptor ? !Object.is(descriptor.value, value) : value !== undefined)
                print("global replaced:", name, summary(descriptor));
        }
        for (const [name, object, keys] of baseline.objects) {
            for (const key of ownKeys(object).sort()) {
                const descriptor = getOwnPropertyDescriptor(object, keyOf(object, key));
                if (!keys.has(key))
                    print("built-in added:", name + "." + key, summary(descriptor));
                else if ("value" in descriptor && !Object.is(descriptor.value, keys.get(key)))
                    print("built-in replaced:", name + "." + key, summary(descriptor));
            }
        }
    };

    const timerLimit = 200;
    const drainTimers = () => {
        for (let count = 0; timers.length && count < timerLimit; ++count) {
            const timer = timers.shift();
            if (typeof timer.callback !== "function")
                continue;
            try {
                timer.callback(...timer.args);
            } catch (error) {
                print("timer threw:", errorText(error));
            }
        }
        if (timers.length)
            print("timers left:", timers.length);
    };

    return { markBaseline, describe, drainTimers, note: print, output: () => lines.join("\n") };
})
