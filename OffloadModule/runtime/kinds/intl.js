/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

// IntlObject records (29): an Intl object travels as its constructor's name and the JSON of its resolved options,
// from which the restore makes it again (SnapshotFormat.md, IntlObject). The kinds the runtime knows, with their
// brand checks and probes, are P.intlKinds (primordials.js); the capture checks that the object made again behaves
// the same.
(function (offload) {
    "use strict";

    const P = offload.primordials;
    const { Format, Decoder, kinds, hasBrand } = offload;
    const { RecordKind } = Format;
    const { noValues } = Decoder;

    // Intl objects take their tag from their prototype's @@toStringTag.
    for (let i = 0; i < P.intlKinds.length; ++i)
        kinds.tagged(P.intlKinds[i].tag, RecordKind.IntlObject, P.intlKinds[i].brand);

    // The capture checked that these options make the object again (describe, below).
    function makeIntl(restore, index, record) {
        for (let i = 0; i < P.intlKinds.length; ++i) {
            if (P.intlKinds[i].name !== record.constructorName)
                continue;
            try {
                return P.intlKinds[i].make(P.jsonParse(record.options));
            } catch (error) {
                restore.fail(`record ${index}: cannot make an Intl.${record.constructorName} from its options: ${error}`);
            }
        }
        restore.fail(`record ${index}: this engine has no Intl.${record.constructorName}`);
    }

    kinds.define(RecordKind.IntlObject, {
        hasBody: true,
        // An Intl object travels as its kind and the options it resolved, which make it again on the other side. That
        // is checked here, on an object made from them: the same options resolved, and the same text for a fixed value.
        describe(capture, object, index) {
            let kind = null;
            for (let i = 0; i < P.intlKinds.length && !kind; ++i)
                kind = hasBrand(object, P.intlKinds[i].brand) ? P.intlKinds[i] : null;
            const options = P.jsonStringify(kind.options(object));
            let again;
            try {
                again = kind.make(P.jsonParse(options));
            } catch (error) {
                capture.fail(index, `this Intl.${kind.name} cannot be made again from its resolved options: ${error}`);
            }
            if (P.jsonStringify(kind.options(again)) !== options || (kind.probe && kind.probe(again) !== kind.probe(object)))
                capture.fail(index, `this Intl.${kind.name} made again from its resolved options would not behave the same`);
            return { kind: RecordKind.IntlObject, constructorName: kind.name, options, body: capture.describeBody(object, index) };
        },
        write(capture, writer, plan) {
            writer.varint(capture.stringIndex(plan.constructorName));
            writer.varint(capture.stringIndex(plan.options));
        },
        read(decoder, reader, kind, id) {
            return decoder.readBody(reader, {
                kind, id, constructorName: decoder.string(reader), options: decoder.string(reader),
                prototype: undefined, extensible: true, lengthIsReadOnly: false, properties: noValues, privates: null, body: null,
            });
        },
        create(restore, index, record) {
            restore.set(index, makeIntl(restore, index, record));
        },
        toldByBrand: true,
    });
})
