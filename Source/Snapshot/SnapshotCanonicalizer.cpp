/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Snapshot/SnapshotCanonicalizer.h"

#include "Snapshot/DomRules.h"
#include "Snapshot/SnapshotTraversal.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <string_view>
#include <unordered_map>

namespace Offload {

static constexpr uint64_t unassigned = UINT64_MAX;

static bool isWeakCollection(const Record& record)
{
    return record.kind == RecordKind::WeakMap || record.kind == RecordKind::WeakSet;
}

// The references a record's capture reaches while it is described, in the walk's order: its encoding order, except
// that a Scope reaches its bindings before its parent and that weak collections reach their entries later, in
// rounds (see renumberRecords). A DomNode then reaches its parent (renumberRecords).
template <typename Callback> static void forEachReferenceInWalkOrder(const Record& record, Callback&& callback)
{
    if (record.kind == RecordKind::Scope) {
        for (size_t i = 1; i < record.values.size(); ++i)
            forEachIndexInValue(record.values[i], callback);
        if (!record.values.empty())
            forEachIndexInValue(record.values[0], callback);
        return;
    }
    if (!isWeakCollection(record)) {
        forEachIndexInRecord(record, callback);
        return;
    }
    Record body;
    body.kind = record.kind;
    body.object = record.object;
    forEachIndexInRecord(body, callback);
}

static void renumberRecords(Snapshot& snapshot)
{
    size_t count = snapshot.records.size();
    std::vector<uint64_t> newIndex(count, unassigned);
    std::vector<uint64_t> order;
    order.reserve(count);
    auto assign = [&](IndexUse use, uint64_t index) {
        if (use == IndexUse::Record && index < count && newIndex[index] == unassigned) {
            newIndex[index] = order.size();
            order.push_back(index);
        }
        return index;
    };
    forEachIndexInRoots(std::as_const(snapshot.roots), assign);
    auto domOwners = DomRules::owners(snapshot);

    // The walk, then rounds over the weak collections (in walk order): an entry is taken once its key has been
    // reached otherwise, and its value is reached then; entries whose key is never reached are dropped.
    std::vector<std::vector<bool>> takenEntries(count);
    size_t position = 0;
    bool didTakeEntry = true;
    while (didTakeEntry) {
        for (; position < order.size(); ++position) {
            forEachReferenceInWalkOrder(snapshot.records[order[position]], assign);
            if (auto parent = DomRules::parentInWalk(domOwners, order[position]))
                assign(IndexUse::Record, *parent);
        }
        didTakeEntry = false;
        for (size_t walked = 0; walked < order.size(); ++walked) {
            auto& record = snapshot.records[order[walked]];
            if (!isWeakCollection(record))
                continue;
            size_t arity = record.kind == RecordKind::WeakMap ? 2 : 1;
            auto& taken = takenEntries[order[walked]];
            taken.resize(record.values.size() / arity);
            for (size_t entry = 0; entry < taken.size(); ++entry) {
                auto& key = record.values[entry * arity];
                if (taken[entry] || !key.isRef() || key.payload >= count || newIndex[key.payload] == unassigned)
                    continue;
                taken[entry] = true;
                didTakeEntry = true;
                if (arity == 2)
                    forEachIndexInValue(record.values[entry * arity + 1], assign);
            }
        }
    }

    auto remap = [&](IndexUse use, uint64_t index) {
        return use == IndexUse::Record && index < count ? newIndex[index] : index;
    };
    std::vector<Record> records;
    records.reserve(order.size());
    for (uint64_t oldIndex : order) {
        records.push_back(std::move(snapshot.records[oldIndex]));
        auto& record = records.back();
        if (isWeakCollection(record)) {
            size_t arity = record.kind == RecordKind::WeakMap ? 2 : 1;
            std::vector<Value> kept;
            for (size_t entry = 0; entry < takenEntries[oldIndex].size(); ++entry) {
                if (takenEntries[oldIndex][entry])
                    kept.insert(
                        kept.end(), record.values.begin() + entry * arity, record.values.begin() + (entry + 1) * arity);
            }
            record.values = std::move(kept);
        }
        forEachIndexInRecord(record, remap);
    }
    forEachIndexInRoots(snapshot.roots, remap);
    snapshot.records = std::move(records);
}

static void renumberStrings(Snapshot& snapshot)
{
    size_t count = snapshot.strings.size();
    // Equal strings become one: the first of them stands for all.
    std::vector<uint64_t> representative(count);
    std::unordered_map<std::u16string_view, uint64_t> inlineStrings;
    std::map<std::pair<uint64_t, uint8_t>, uint64_t> blobStrings;
    for (uint64_t i = 0; i < count; ++i) {
        auto& entry = snapshot.strings[i];
        if (entry.storage == StringStorage::Inline)
            representative[i] = inlineStrings.emplace(entry.units, i).first->second;
        else
            representative[i] = blobStrings.emplace(std::make_pair(entry.blobIndex, entry.unitSize), i).first->second;
    }

    std::vector<uint64_t> newIndex(count, unassigned);
    std::vector<uint64_t> order;
    auto assign = [&](IndexUse use, uint64_t index) {
        if (use == IndexUse::String && index < count) {
            index = representative[index];
            if (newIndex[index] == unassigned) {
                newIndex[index] = order.size();
                order.push_back(index);
            }
            return newIndex[index];
        }
        return index;
    };
    for (auto& record : snapshot.records)
        forEachIndexInRecord(record, assign);
    forEachIndexInRoots(snapshot.roots, assign);

    std::vector<StringEntry> strings;
    strings.reserve(order.size());
    for (uint64_t oldIndex : order)
        strings.push_back(std::move(snapshot.strings[oldIndex]));
    snapshot.strings = std::move(strings);
}

static void renumberBlobs(Snapshot& snapshot)
{
    size_t count = snapshot.blobs.size();
    std::vector<bool> isUsed(count);
    auto markUsed = [&](IndexUse use, uint64_t index) {
        if (use == IndexUse::Blob && index < count)
            isUsed[index] = true;
        return index;
    };
    for (auto& record : snapshot.records)
        forEachIndexInRecord(std::as_const(record), markUsed);
    for (auto& entry : snapshot.strings) {
        if (entry.storage == StringStorage::Blob && entry.blobIndex < count)
            isUsed[entry.blobIndex] = true;
    }

    std::vector<uint64_t> order;
    for (uint64_t i = 0; i < count; ++i) {
        if (isUsed[i])
            order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(),
        [&](uint64_t a, uint64_t b) { return snapshot.blobs[a].hash < snapshot.blobs[b].hash; });
    std::vector<uint64_t> newIndex(count, unassigned);
    std::vector<BlobEntry> blobs;
    for (uint64_t oldIndex : order) {
        if (blobs.empty() || !(blobs.back().hash == snapshot.blobs[oldIndex].hash))
            blobs.push_back(snapshot.blobs[oldIndex]);
        newIndex[oldIndex] = blobs.size() - 1;
    }
    auto remap = [&](IndexUse use, uint64_t index) {
        return use == IndexUse::Blob && index < count ? newIndex[index] : index;
    };
    for (auto& record : snapshot.records)
        forEachIndexInRecord(record, remap);
    for (auto& entry : snapshot.strings) {
        if (entry.storage == StringStorage::Blob && entry.blobIndex < count)
            entry.blobIndex = newIndex[entry.blobIndex];
    }
    snapshot.blobs = std::move(blobs);
}

void SnapshotCanonicalizer::canonicalize(Snapshot& snapshot)
{
    renumberRecords(snapshot);
    // Strings first so that a blob used only by an unused string is dropped too.
    renumberStrings(snapshot);
    renumberBlobs(snapshot);
    // Blob strings that became equal when their blobs merged are merged here.
    renumberStrings(snapshot);
}

} // namespace Offload
