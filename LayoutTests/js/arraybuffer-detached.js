// Tests that an ArrayBuffer detached by transfer() stays detached after migration (byteLength 0, views of length 0)
// while the buffer it was transferred to keeps the bytes.
"use strict";

const original = new ArrayBuffer(8);
const originalView = new Uint8Array(original);
originalView.set([9, 8, 7, 6, 5, 4, 3, 2]);
// ArrayBuffer.prototype.transfer (ES2024) exists in JavaScriptCore but not in Node 20, so this baseline comes from
// offload-jsc alone.
const transferred = original.transfer();

step(() => {
    print("original detached:", original.byteLength, originalView.length, original.detached);
    print("transferred:", transferred.byteLength, Array.from(new Uint8Array(transferred)).join(","));
});

step(() => {
    try {
        originalView[0] = 1;
        print("write to detached view is ignored:", originalView[0]);
    } catch (error) {
        print("write to detached view threw (wrong)");
    }
});
