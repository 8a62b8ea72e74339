/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// Symbol (19), RegisteredSymbol (20) and WellKnownSymbol (22) records: a symbol travels as its description, its key
// in the global registry, or the name of the well-known symbol it is. They have no ObjectBody, and are made first of
// all (createSymbols): other records' keys and values are symbols.
(function (offload) {
    "use strict";

    const P = offload.primordials;
    const { Format, kinds } = offload;
    const { RecordKind } = Format;

    function describeSymbol(capture, symbol) {
        const wellKnown = capture.intrinsics.wellKnownSymbols.get(symbol);
        if (wellKnown !== undefined)
            return { kind: RecordKind.WellKnownSymbol, name: wellKnown };
        const key = P.symbolKeyFor(symbol);
        if (key !== undefined)
            return { kind: RecordKind.RegisteredSymbol, key };
        return { kind: RecordKind.Symbol, description: P.symbolDescription(symbol) };
    }

    kinds.define(RecordKind.Symbol, {
        hasBody: false,
        describe: describeSymbol,
        write(capture, writer, plan) {
            capture.writeValue(writer, plan.description);
        },
        read(decoder, reader, kind, id) {
            return { kind, id, description: decoder.readValue(reader) };
        },
        restoreList: kinds.RestoreList.Symbols,
    });

    kinds.define(RecordKind.RegisteredSymbol, {
        hasBody: false,
        describe: describeSymbol,
        write(capture, writer, plan) {
            writer.varint(capture.stringIndex(plan.key));
        },
        read(decoder, reader, kind, id) {
            return { kind, id, key: decoder.string(reader) };
        },
        restoreList: kinds.RestoreList.Symbols,
    });

    kinds.define(RecordKind.WellKnownSymbol, {
        hasBody: false,
        describe: describeSymbol,
        write(capture, writer, plan) {
            writer.varint(capture.stringIndex(plan.name));
        },
        read(decoder, reader, kind, id) {
            return { kind, id, name: decoder.string(reader) };
        },
        restoreList: kinds.RestoreList.Symbols,
    });

    offload.addMethods(offload.Restore, class Symbols {
        createSymbols() {
            for (let i = 0; i < this.symbolIndices.length; ++i) {
                const index = this.symbolIndices[i];
                const record = this.records[index];
                if (record.kind === RecordKind.Symbol)
                    this.set(index, P.Symbol(record.description));
                else if (record.kind === RecordKind.RegisteredSymbol)
                    this.set(index, P.symbolFor(record.key));
                else if (record.kind === RecordKind.WellKnownSymbol) {
                    const symbol = this.runtime.intrinsics.symbolByName.get(record.name);
                    if (!symbol)
                        this.fail(`unknown well-known symbol ${record.name}`);
                    this.set(index, symbol);
                }
            }
        }
    });
})
