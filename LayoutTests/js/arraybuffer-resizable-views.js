// Tests that views on resizable ArrayBuffers keep what they are across a migration: a length-tracking DataView, a
// length-tracking view at an offset, fixed views ending exactly at the buffer's end (also on a buffer already at its
// maximum length), views out of bounds (fixed and tracking, their offsets and lengths still there when the buffer
// grows again), and the buffer's bytes.
"use strict";

const buffer = new ArrayBuffer(16, { maxByteLength: 40 });
const bytes = new Uint8Array(buffer);
for (let i = 0; i < 16; ++i)
    bytes[i] = i + 1;
const dataView = new DataView(buffer);
const offsetTracking = new Uint16Array(buffer, 4);
const fixedToEnd = new Uint32Array(buffer, 8, 2);
const fixedDataView = new DataView(buffer, 12, 4);
const fixedOut = new Float64Array(buffer, 8, 1);
const trackingOut = new Int16Array(buffer, 14);

const full = new ArrayBuffer(8, { maxByteLength: 8 });
new Uint8Array(full).set([9, 8, 7, 6, 5, 4, 3, 2]);
const fullTracking = new Uint8Array(full, 2);
const fullFixed = new Uint16Array(full, 4, 2);

function show(label) {
    const dataViewLength = (view) => {
        try {
            return `${view.byteOffset}+${view.byteLength}`;
        } catch {
            return "out of bounds";
        }
    };
    print(label, "buffer:", buffer.byteLength, Array.from(new Uint8Array(buffer)).join(","));
    print("  dataView:", dataViewLength(dataView), "fixedDataView:", dataViewLength(fixedDataView));
    print("  offsetTracking:", offsetTracking.byteOffset, offsetTracking.length, "fixedToEnd:", fixedToEnd.length,
        "fixedOut:", fixedOut.byteOffset, fixedOut.length, "trackingOut:", trackingOut.byteOffset, trackingOut.length);
    print("  full:", full.byteLength, Array.from(new Uint8Array(full)).join(","), "fullTracking:", fullTracking.length,
        "fullFixed:", fullFixed.length);
}

step(() => {
    show("made");
    buffer.resize(12);
    full.resize(6);
});

step(() => {
    show("shrunk");
    buffer.resize(24);
    full.resize(8);
});

step(() => {
    show("grown");
    buffer.resize(13);
});

step(() => {
    show("shrunk again");
    buffer.resize(40);
});

step(() => {
    show("at maximum");
});
