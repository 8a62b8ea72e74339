/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "SnapshotTestSupport.h"

#include "Snapshot/DomNodeRecord.h"
#include "Snapshot/SnapshotTraversal.h"

#include <cmath>
#include <limits>

namespace Offload::Test {

// Edits of a DomNode record that keep its fields within their ranges and its refs pointing at nodes, so that they
// break the rules of node types and of the tree rather than the layout's.
template <typename Below> static void mutateDomNode(Snapshot& snapshot, Record& record, Below&& below)
{
    auto& records = snapshot.records;
    auto randomNode = [&] {
        std::vector<uint64_t> nodes;
        for (uint64_t i = 0; i < records.size(); ++i) {
            if (records[i].kind == RecordKind::DomNode)
                nodes.push_back(i);
        }
        return Value::ref(nodes[below(nodes.size())]);
    };
    switch (below(5)) {
    case 0:
        record.fields[0] = below(lastDomNodeType + 2);
        break;
    case 1:
        record.fields[1] = below(8);
        break;
    case 2:
        record.fields[2] = below(record.values.size());
        break;
    case 3: { // A name, data, state or item becomes another node, null or another string.
        auto& value = record.values[below(record.values.size())];
        switch (below(3)) {
        case 0:
            value = randomNode();
            break;
        case 1:
            value = Value::null();
            break;
        case 2:
            value = Value::string(below(snapshot.strings.size()));
            break;
        }
        break;
    }
    case 4: // A node becomes one more child.
        record.values.push_back(randomNode());
        break;
    }
}

void mutateRecords(Snapshot& snapshot, std::mt19937_64& random)
{
    auto below
        = [&](uint64_t bound) { return bound ? std::uniform_int_distribution<uint64_t>(0, bound - 1)(random) : 0; };
    auto& records = snapshot.records;
    // An index near the table's end, so that some are just out of range.
    auto nearIndex = [&](size_t size) { return below(size + 2); };
    for (size_t count = below(3) + 1; count--;) {
        auto& record = records[below(records.size())];
        // Only DomNode records draw this number, so the sequence of mutations of snapshots without one stays as it
        // was (the runtime's restore fuzz test shares this function).
        if (DomNodeRecord::hasShape(record) && below(2)) {
            mutateDomNode(snapshot, record, below);
            continue;
        }
        switch (below(6)) {
        case 0:
            if (!record.values.empty()) {
                auto& value = record.values[below(record.values.size())];
                value.tag = static_cast<ValueTag>(below(lastValueTag + 1));
                value.payload = value.tag == ValueTag::String || value.tag == ValueTag::Intrinsic
                    ? nearIndex(snapshot.strings.size())
                    : value.tag == ValueTag::BigInt ? nearIndex(snapshot.bigInts.size())
                                                    : nearIndex(records.size());
            }
            break;
        case 1:
            if (!record.fields.empty())
                record.fields[below(record.fields.size())]
                    = below(4) ? nearIndex(records.size()) : below(uint64_t(1) << 40);
            break;
        case 2:
            record.kind = static_cast<RecordKind>(below(lastRecordKind) + 1);
            break;
        case 3:
            if (!record.object.properties.empty()) {
                auto& property = record.object.properties[below(record.object.properties.size())];
                property.key = below(2) ? PropertyKey::string(nearIndex(snapshot.strings.size()))
                                        : PropertyKey::symbol(nearIndex(records.size()));
                property.attributes = static_cast<uint8_t>(below(16));
            }
            break;
        case 4:
            if (!record.values.empty())
                record.values.pop_back();
            else
                record.values.push_back(Value::ref(nearIndex(records.size())));
            break;
        case 5:
            record.object.prototype = Value::ref(nearIndex(records.size()));
            break;
        }
    }
}

static constexpr const char* scriptA = "0123456789abcdef";
static constexpr const char* scriptB = "fedcba9876543210";

Snapshot buildRichSnapshot(std::vector<std::vector<uint8_t>>* blobBodies)
{
    ModelBuilder builder;
    auto& snapshot = builder.snapshot();
    snapshot.turn = 7;
    snapshot.scripts = { scriptA, scriptB };

    // Closures: a top-level scope shared by a function, with a binding in its temporal dead zone.
    uint64_t topScope = builder.add(RecordKind::Scope, { builder.string("0123456789abcdef:0") },
        { Value::null(), Value::integer(1), Value::uninitialized() });
    uint64_t innerScope = builder.add(RecordKind::Scope, { builder.string("0123456789abcdef:2") },
        { Value::ref(topScope), builder.stringValue("captured") });
    snapshot.roots.lexicalScopes = { Value::ref(topScope), Value::null() };
    uint64_t function = builder.add(
        RecordKind::Function, { builder.string("0123456789abcdef:1") }, { Value::ref(innerScope), Value::undefined() });
    builder.property(function, "name", builder.stringValue("f"), Configurable);
    builder.property(function, "length", Value::integer(0), Configurable);
    builder.record(innerScope).values.push_back(Value::ref(function));
    builder.global("f", Value::ref(function));

    uint64_t object = builder.add(RecordKind::Object);
    builder.record(object).object.flags = NotExtensible;
    builder.property(object, "readOnly", Value::integer(-5), Enumerable);
    builder.accessor(object, "computed", Value::ref(function), Value::undefined());
    uint64_t method = builder.add(
        RecordKind::Function, { builder.string("0123456789abcdef:12") }, { Value::null(), Value::ref(object) });
    builder.property(object, "method", Value::ref(method));
    builder.global("obj", Value::ref(object));

    // A class with private names: its static private field, and an instance carrying its names and fields.
    uint64_t privateClass = builder.add(
        RecordKind::Function, { builder.string("0123456789abcdef:20") }, { Value::null(), Value::undefined() });
    builder.record(privateClass).object.flags = HasPrivateElements;
    builder.record(privateClass)
        .object.privateElements.push_back({ Value::ref(privateClass), true, { Value::integer(3) } });
    uint64_t instance = builder.add(RecordKind::Object);
    builder.record(instance).object.flags = HasPrivateElements;
    builder.record(instance).object.privateElements.push_back(
        { Value::ref(privateClass), false, { builder.stringValue("secret"), Value::ref(object) } });
    builder.global("PrivateClass", Value::ref(privateClass));
    builder.global("withPrivates", Value::ref(instance));

    // Numbers and BigInts: -0 stays a double, NaN is canonical, int32-valued doubles are ints.
    builder.global("negativeZero", Value::rawDouble(-0.0));
    builder.global("notANumber", Value::number(std::numeric_limits<double>::quiet_NaN()));
    builder.global("fraction", Value::number(0.1));
    builder.global("large", Value::number(4294967296.0));
    builder.global("infinity", Value::number(-std::numeric_limits<double>::infinity()));
    builder.global("minInt", Value::integer(std::numeric_limits<int32_t>::min()));
    builder.global("big", builder.bigInt(false, { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01 }));
    builder.global("negativeBig", builder.bigInt(true, { 42 }));
    builder.global("zeroBig", builder.bigInt(false, {}));
    builder.global("yes", Value::boolean(true));
    builder.global("no", Value::boolean(false));
    builder.global("nothing", Value::null());
    builder.global("missing", Value::undefined());

    // Strings: latin1, utf16 with a lone surrogate, a blob string.
    builder.global("latin1", builder.stringValue("caf\xe9"));
    builder.global("loneSurrogate", Value::string(builder.string(std::u16string(u"a\xd800z\x2603"))));
    builder.global("longString", Value::string(builder.blobString(std::string(5000, 'm'))));
    builder.global("builtin", builder.intrinsic("Math.max"));

    // A sparse array: a hole in the dense part, a non-plain element after it; a frozen array (read-only length).
    uint64_t array
        = builder.add(RecordKind::Array, { 10 }, { Value::integer(1), Value::hole(), builder.stringValue("x") });
    builder.property(array, "9", Value::integer(9), Enumerable);
    builder.property(array, "extra", Value::boolean(true));
    builder.global("sparse", Value::ref(array));
    uint64_t frozen = builder.add(RecordKind::Array, { 1 });
    builder.property(frozen, "0", Value::integer(1), Enumerable);
    builder.record(frozen).object.flags = NotExtensible | ArrayLengthNotWritable;
    builder.global("frozen", Value::ref(frozen));

    uint64_t bound = builder.add(RecordKind::BoundFunction, {},
        { Value::ref(function), Value::undefined(), Value::integer(1), Value::integer(2) });
    builder.global("bound", Value::ref(bound));
    builder.global("date", Value::ref(builder.add(RecordKind::Date, {}, { Value::number(1.7e12 + 0.5) })));
    uint64_t regExp = builder.add(RecordKind::RegExp, { builder.string("a+b"), builder.string("gi") });
    builder.property(regExp, "lastIndex", Value::integer(3), Writable);
    builder.global("regExp", Value::ref(regExp));
    uint64_t error = builder.add(RecordKind::Error, { builder.string("TypeError") });
    builder.property(error, "message", builder.stringValue("bad"), Writable | Configurable);
    builder.global("error", Value::ref(error));
    builder.global("boxed", Value::ref(builder.add(RecordKind::PrimitiveWrapper, {}, { builder.stringValue("box") })));

    uint64_t map = builder.add(
        RecordKind::Map, {}, { builder.stringValue("k"), Value::integer(1), Value::ref(object), Value::null() });
    builder.global("map", Value::ref(map));
    builder.global(
        "set", Value::ref(builder.add(RecordKind::Set, {}, { Value::integer(1), builder.stringValue("x") })));
    builder.global(
        "weakMap", Value::ref(builder.add(RecordKind::WeakMap, {}, { Value::ref(object), Value::integer(1) })));
    builder.global("weakSet", Value::ref(builder.add(RecordKind::WeakSet, {}, { Value::ref(object) })));

    // Buffers: inline, blob-backed, resizable; views on them, one length-tracking.
    uint64_t buffer = builder.add(RecordKind::ArrayBuffer, { 16, 0, 0 });
    builder.record(buffer).bytes = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 };
    std::vector<uint8_t> large(6000);
    for (size_t i = 0; i < large.size(); ++i)
        large[i] = static_cast<uint8_t>(i * 7 % 251);
    uint64_t largeBuffer = builder.add(RecordKind::ArrayBuffer, { 6000, 0, 1, builder.blob(large) });
    uint64_t resizable = builder.add(RecordKind::ArrayBuffer, { 8, 65, 0 });
    builder.record(resizable).bytes = std::vector<uint8_t>(8, 0xaa);
    builder.global("buffer", Value::ref(buffer));
    builder.global("bytes", Value::ref(builder.add(RecordKind::TypedArray, { 1, 0, 17 }, { Value::ref(buffer) })));
    builder.global(
        "floats", Value::ref(builder.add(RecordKind::TypedArray, { 8, 8, 11 }, { Value::ref(largeBuffer) })));
    builder.global("tracking", Value::ref(builder.add(RecordKind::TypedArray, { 5, 0, 0 }, { Value::ref(resizable) })));
    builder.global("view", Value::ref(builder.add(RecordKind::DataView, { 4, 5 }, { Value::ref(buffer) })));

    uint64_t liveProxy = builder.add(RecordKind::Proxy, { 0 }, { Value::ref(object), Value::ref(map) });
    builder.global("proxy", Value::ref(liveProxy));
    builder.global("revoked", Value::ref(builder.add(RecordKind::Proxy, { 1 }, { Value::null(), Value::null() })));

    uint64_t pending = builder.add(RecordKind::Promise, { 0 }, { Value::undefined() });
    uint64_t derived = builder.add(RecordKind::Promise, { 0 }, { Value::undefined() });
    builder.record(pending).values.insert(
        builder.record(pending).values.end(), { Value::ref(derived), Value::ref(function), Value::undefined() });
    builder.global("pendingPromise", Value::ref(pending));
    builder.global("fulfilled", Value::ref(builder.add(RecordKind::Promise, { 1 }, { Value::integer(42) })));
    builder.global("resolve", Value::ref(builder.add(RecordKind::ResolvingFunction, { 0 }, { Value::ref(derived) })));

    uint64_t symbol = builder.add(RecordKind::Symbol, {}, { builder.stringValue("tag") });
    uint64_t anonymous = builder.add(RecordKind::Symbol, {}, { Value::undefined() });
    uint64_t registered = builder.add(RecordKind::RegisteredSymbol, { builder.string("app.key") });
    uint64_t iterator = builder.add(RecordKind::WellKnownSymbol, { builder.string("iterator") });
    builder.global("symbol", Value::ref(symbol));
    builder.symbolProperty(object, anonymous, Value::integer(1));
    builder.symbolProperty(object, registered, Value::integer(2));
    builder.symbolProperty(object, iterator, Value::ref(function));
    builder.global("boxedSymbol", Value::ref(builder.add(RecordKind::PrimitiveWrapper, {}, { Value::ref(symbol) })));

    uint64_t arguments = builder.add(RecordKind::Arguments, { 0 }, { Value::null() });
    builder.property(arguments, "0", Value::integer(1));
    builder.property(arguments, "length", Value::integer(1), Writable | Configurable);
    builder.global("args", Value::ref(arguments));
    // A sloppy function's arguments object whose index 1 is still mapped to a parameter of the inner scope.
    uint64_t mappedArguments = builder.add(RecordKind::Arguments, { 1 }, { Value::ref(innerScope), Value::integer(1) });
    builder.property(mappedArguments, "0", Value::integer(2));
    builder.property(mappedArguments, "1", builder.stringValue("captured"));
    builder.property(mappedArguments, "length", Value::integer(2), Writable | Configurable);
    builder.property(mappedArguments, "callee", Value::ref(function), Writable | Configurable);
    builder.global("mappedArgs", Value::ref(mappedArguments));

    // The pending-work queue holds one step callback; an extra root holds the microtask list.
    auto& queue = builder.record(builder.snapshot().roots.pending.payload);
    queue.fields = { 1 };
    queue.values = { Value::ref(bound) };
    snapshot.roots.extra.push_back({ builder.string("timers"), Value::ref(builder.add(RecordKind::Array, { 0 })) });

    // Built-ins the program changed travel as Intrinsic records, listed as extra roots named "intrinsic".
    uint64_t arrayPrototype = builder.add(RecordKind::Intrinsic, { builder.string("Array.prototype") });
    builder.property(arrayPrototype, "sum", Value::ref(method), Writable | Configurable);
    snapshot.roots.extra.push_back({ builder.string("intrinsic"), Value::ref(arrayPrototype) });
    uint64_t mathObject = builder.add(RecordKind::Intrinsic, { builder.string("Math") });
    builder.property(mathObject, "tau", Value::number(6.283185307179586), Writable | Configurable);
    snapshot.roots.extra.push_back({ builder.string("intrinsic"), Value::ref(mathObject) });

    // A weak map entry whose key nothing else reaches is not part of the state: canonicalization drops it.
    uint64_t weakMap
        = builder.add(RecordKind::WeakMap, {}, { Value::ref(builder.add(RecordKind::Object)), Value::integer(5) });
    builder.global("emptyWeakMap", Value::ref(weakMap));
    builder.global("detached", Value::ref(builder.add(RecordKind::ArrayBuffer, { 0, 0, 2 })));

    // Promise.all waiting on two inputs, the first reported: its state and the element function of the second.
    uint64_t combinator = builder.add(RecordKind::PromiseCombinator, { 0, 2 },
        { Value::ref(function), Value::ref(function), Value::boolean(true), builder.stringValue("first"),
            Value::boolean(false), Value::undefined() });
    uint64_t element = builder.add(RecordKind::PromiseCombinatorElement, { 0, 1 }, { Value::ref(combinator) });
    builder.record(element).object.prototype = builder.intrinsic("Function.prototype");
    builder.property(element, "length", Value::integer(1), Configurable);
    builder.global("allElement", Value::ref(element));
    uint64_t revoke = builder.add(RecordKind::ProxyRevoke, {}, { Value::ref(liveProxy) });
    builder.property(revoke, "length", Value::integer(0), Configurable);
    builder.global("revokeProxy", Value::ref(revoke));
    uint64_t formatter = builder.add(RecordKind::IntlObject,
        { builder.string("NumberFormat"), builder.string(R"({"locale":"en-US","style":"percent"})") });
    builder.record(formatter).object.prototype = builder.intrinsic("Intl.NumberFormat.prototype");
    builder.global("percentFormat", Value::ref(formatter));

    // The page's document, the extra root "document": a doctype, an html element with an attribute and a text child.
    uint64_t text = builder.characterData(DomNodeType::Text, "hi");
    uint64_t html
        = builder.htmlElement("html", "HTMLHtmlElement.prototype", { builder.attribute("lang", "en") }, { text });
    uint64_t doctype = builder.domNode({ .type = DomNodeType::DocumentType,
        .prototype = "DocumentType.prototype",
        .name = builder.stringValue("html"),
        .data = builder.stringValue(""),
        .extra = builder.stringValue("") });
    uint64_t document = builder.domNode({ .type = DomNodeType::Document,
        .prototype = "HTMLDocument.prototype",
        .children = { doctype, html },
        .flags = MainDocument });
    snapshot.roots.extra.push_back({ builder.string("document"), Value::ref(document) });

    auto result = builder.finish();
    if (blobBodies)
        *blobBodies = builder.blobBodies;
    return result;
}

Snapshot buildDocumentSnapshot()
{
    ModelBuilder builder;
    auto& snapshot = builder.snapshot();

    uint64_t doctype = builder.domNode({ .type = DomNodeType::DocumentType,
        .prototype = "DocumentType.prototype",
        .name = builder.stringValue("html"),
        .data = builder.stringValue(""),
        .extra = builder.stringValue("") });

    uint64_t script = builder.domNode({ .type = DomNodeType::Element,
        .prototype = "HTMLScriptElement.prototype",
        .name = builder.stringValue("script"),
        .namespaceURI = builder.stringValue(xhtmlNamespace),
        .children = { builder.characterData(DomNodeType::Text, "step(() => print(document.title));") },
        .flags = AlreadyStarted });
    uint64_t head = builder.htmlElement(
        "head", "HTMLHeadElement.prototype", {}, { builder.characterData(DomNodeType::Comment, " note "), script });

    // An SVG element whose attribute has a namespace and a prefix.
    uint64_t href = builder.domNode({ .type = DomNodeType::Attribute,
        .prototype = "Attr.prototype",
        .name = builder.stringValue("href"),
        .namespaceURI = builder.stringValue("http://www.w3.org/1999/xlink"),
        .prefix = builder.stringValue("xlink"),
        .data = builder.stringValue("#icon") });
    auto svgElement = [&](std::string_view localName, const char* prototype, std::vector<uint64_t> attributes,
                          std::vector<uint64_t> children) {
        return builder.domNode({ .type = DomNodeType::Element,
            .prototype = prototype,
            .name = builder.stringValue(localName),
            .namespaceURI = builder.stringValue("http://www.w3.org/2000/svg"),
            .attributes = std::move(attributes),
            .children = std::move(children) });
    };
    uint64_t svg = svgElement(
        "svg", "SVGSVGElement.prototype", {}, { svgElement("use", "SVGUseElement.prototype", { href }, {}) });

    // A template and its content, which is no child of anything.
    uint64_t content = builder.domNode({ .type = DomNodeType::DocumentFragment,
        .prototype = "DocumentFragment.prototype",
        .children = { builder.htmlElement("span", "HTMLSpanElement.prototype", {},
            { builder.characterData(DomNodeType::Text, "in the template") }) } });
    uint64_t templateElement = builder.domNode({ .type = DomNodeType::Element,
        .prototype = "HTMLTemplateElement.prototype",
        .name = builder.stringValue("template"),
        .namespaceURI = builder.stringValue(xhtmlNamespace),
        .state = Value::ref(content) });

    uint64_t body = builder.htmlElement("body", "HTMLBodyElement.prototype",
        { builder.attribute("class", "main"), builder.attribute("data-state", "") },
        { builder.characterData(DomNodeType::Text, "Hello, "), svg, templateElement });
    uint64_t html
        = builder.htmlElement("html", "HTMLHtmlElement.prototype", { builder.attribute("lang", "en") }, { head, body });
    uint64_t document = builder.domNode({ .type = DomNodeType::Document,
        .prototype = "HTMLDocument.prototype",
        .children = { doctype, html },
        .flags = MainDocument });
    snapshot.roots.extra.push_back({ builder.string("document"), Value::ref(document) });
    builder.global("doc", Value::ref(document));

    // A detached element held by an object's property, with an expando of its own.
    uint64_t detached = builder.htmlElement("div", "HTMLDivElement.prototype", { builder.attribute("id", "cached") },
        { builder.characterData(DomNodeType::Text, "kept") });
    builder.property(detached, "renderCount", Value::integer(3));
    uint64_t cache = builder.add(RecordKind::Object);
    builder.property(cache, "node", Value::ref(detached));
    builder.global("cache", Value::ref(cache));

    // A list item held by a global: its detached list is held only through it (JavaScript reaches it as parentNode).
    uint64_t item = builder.htmlElement(
        "li", "HTMLLIElement.prototype", {}, { builder.characterData(DomNodeType::Text, "second") });
    builder.htmlElement(
        "ul", "HTMLUListElement.prototype", {}, { builder.htmlElement("li", "HTMLLIElement.prototype"), item });
    builder.global("item", Value::ref(item));

    // A fragment with the node types an HTML page does not parse.
    uint64_t instruction = builder.domNode({ .type = DomNodeType::ProcessingInstruction,
        .prototype = "ProcessingInstruction.prototype",
        .name = builder.stringValue("xml-stylesheet"),
        .data = builder.stringValue("href=\"style.css\"") });
    uint64_t fragment = builder.domNode({ .type = DomNodeType::DocumentFragment,
        .prototype = "DocumentFragment.prototype",
        .children = { instruction, builder.characterData(DomNodeType::CDATASection, "x < y") } });
    builder.global("fragment", Value::ref(fragment));
    return builder.finish();
}

static void swapIndices(Snapshot& snapshot, IndexUse which, uint64_t a, uint64_t b)
{
    auto remap = [&](IndexUse use, uint64_t index) {
        if (use != which)
            return index;
        return index == a ? b : index == b ? a : index;
    };
    for (auto& record : snapshot.records)
        forEachIndexInRecord(record, remap);
    forEachIndexInRoots(snapshot.roots, remap);
}

void swapRecords(Snapshot& snapshot, uint64_t a, uint64_t b)
{
    swapIndices(snapshot, IndexUse::Record, a, b);
    std::swap(snapshot.records[a], snapshot.records[b]);
}

void swapStrings(Snapshot& snapshot, uint64_t a, uint64_t b)
{
    swapIndices(snapshot, IndexUse::String, a, b);
    std::swap(snapshot.strings[a], snapshot.strings[b]);
}

Snapshot buildMinimalSnapshot()
{
    return ModelBuilder().finish();
}

Snapshot buildAppSnapshot(unsigned count, std::vector<std::vector<uint8_t>>* blobBodies)
{
    ModelBuilder builder;
    auto& snapshot = builder.snapshot();
    snapshot.scripts = { "00112233aabbccdd" };
    uint64_t scope = builder.add(
        RecordKind::Scope, { builder.string("00112233aabbccdd:0") }, { Value::null(), Value::integer(0) });
    snapshot.roots.lexicalScopes = { Value::ref(scope) };
    uint64_t increment = builder.add(
        RecordKind::Function, { builder.string("00112233aabbccdd:1") }, { Value::ref(scope), Value::undefined() });
    uint64_t read = builder.add(
        RecordKind::Function, { builder.string("00112233aabbccdd:2") }, { Value::ref(scope), Value::undefined() });
    builder.global("increment", Value::ref(increment));
    builder.global("read", Value::ref(read));

    uint64_t previous = 0;
    bool hasPrevious = false;
    for (unsigned i = 0; i < count; ++i) {
        uint64_t node = builder.add(RecordKind::Object);
        builder.property(node, "index", Value::integer(i));
        builder.property(node, "label", builder.stringValue("node " + std::to_string(i % 17)));
        builder.property(node, "weight", Value::number(i / 3.0));
        if (hasPrevious)
            builder.property(node, "next", Value::ref(previous));
        previous = node;
        hasPrevious = true;
    }
    if (hasPrevious)
        builder.global("list", Value::ref(previous));

    std::vector<uint8_t> weights(8192);
    for (size_t i = 0; i < weights.size(); ++i)
        weights[i] = static_cast<uint8_t>((i * i) >> 3);
    uint64_t buffer = builder.add(RecordKind::ArrayBuffer, { weights.size(), 0, 1, builder.blob(weights) });
    builder.global("weights",
        Value::ref(builder.add(RecordKind::TypedArray, { 7, 0, weights.size() / 4 + 1 }, { Value::ref(buffer) })));
    auto result = builder.finish();
    if (blobBodies)
        *blobBodies = builder.blobBodies;
    return result;
}

} // namespace Offload::Test
