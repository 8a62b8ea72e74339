/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include "Snapshot/RecordRules.h"
#include "Snapshot/SnapshotModel.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace Offload {

// The rules of DomNode records (Documentation/SnapshotFormat.md, "DOM nodes"): what each node type holds, and the
// tree the records form across the snapshot. SnapshotValidator calls them once every record's shape and every index
// in the records are known to be valid; the canonicalizer uses the tree links for the capture walk's order.
class DomRules {
public:
    using Violation = RecordRules::Violation;

    // A broken rule of the tree or of the roots, with the record it is about (none for a rule about the roots).
    struct TreeViolation {
        std::optional<uint64_t> record;
        Violation violation;
    };

    // Who lists a record as an attribute, a child or a template's content.
    struct Owner {
        static constexpr uint64_t none = UINT64_MAX;
        uint64_t index { none };
        bool isTemplateContent { false };
    };

    // The rules of one DomNode record for its node type: which fields hold strings, which flags it may have, what
    // its state, attributes and children may be.
    static std::optional<Violation> checkNode(const Snapshot&, const Record&);

    // Every DomNode record has at most one owner, no node is its own ancestor, at most one is the main document.
    // `owners` receives every record's owner (empty when the snapshot has no DomNode record).
    static std::optional<TreeViolation> checkTree(const Snapshot&, std::vector<Owner>& owners);

    // The extra root named "document" and the record flagged MainDocument are both absent, or the root is a ref to
    // that record.
    static std::optional<TreeViolation> checkDocumentRoot(const Snapshot&);

    // Every record's owner, the first one when a broken model gives a node several (empty when the snapshot has no
    // DomNode record). Refs out of range or to other kinds are ignored.
    static std::vector<Owner> owners(const Snapshot&);

    // The node JavaScript reaches from record `index` as its parentNode or ownerElement, if there is one. A template's
    // content does not reach its template.
    static std::optional<uint64_t> parentInWalk(const std::vector<Owner>&, uint64_t index);

    // "Element", "Attr", …, for messages; "unknown" outside the DOM's node types.
    static const char* nodeTypeName(uint64_t nodeType);
};

} // namespace Offload
