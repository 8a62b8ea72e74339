/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Snapshot/SnapshotError.h"
#include "Snapshot/SnapshotModel.h"

#include <optional>
#include <string>
#include <string_view>

namespace Offload {

// The rules of single record kinds and identifiers that need more than the layout table says: array canonical
// form, buffer storage, views inside their buffer, the shape of script and literal ids. SnapshotValidator calls them
// once a record's shape and every index in it are known to be valid.
class RecordRules {
public:
    struct Violation {
        SnapshotError code;
        std::string message;
        const char* field { nullptr }; // The field the rule is about, when it is about one.
    };

    static std::optional<Violation> checkArray(const Snapshot&, const Record&);
    static std::optional<Violation> checkArrayBuffer(const Snapshot&, const Record&);
    // A TypedArray or a DataView.
    static std::optional<Violation> checkView(const Snapshot&, const Record&);
    // The indices an arguments object still maps to parameters of its scope.
    static std::optional<Violation> checkArguments(const Snapshot&, const Record&);

    // 16 lowercase hex digits (Documentation/Instrumentation.md).
    static bool isScriptId(std::string_view);
    // "sid:N": a script id, a colon, a decimal number without leading zeros.
    static bool isLiteralId(const StringEntry&);
    static bool isWellKnownSymbolName(const StringEntry&);
    // The Intl constructors the runtime makes objects of again (primordials.js, intlKinds).
    static bool isIntlConstructorName(const StringEntry&);
    static bool stringEquals(const StringEntry&, std::string_view latin1);
};

} // namespace Offload
