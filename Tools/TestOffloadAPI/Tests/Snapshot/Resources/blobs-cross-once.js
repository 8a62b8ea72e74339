// An engine program holding two blobs (a string of 5 000 code units, a buffer of 6 000 bytes) across two
// migrations: offload-jsc --stats must show the first bundle carrying both and the second carrying none, since the
// receiver keeps the blobs it received (in memory, or in the directory a --process-hops chain shares).
"use strict";
const text = "blob text ".repeat(500);
const bytes = new Uint8Array(6000).fill(7);
step(() => print(text.length));
step(() => print(bytes[5999]));
