// Tests that promises already fulfilled or rejected before migration keep their state and result: reactions added
// later run with the stored value or reason, and a handled rejection stays handled.
"use strict";

const fulfilled = Promise.resolve({ answer: 42 });
const rejected = Promise.reject(new RangeError("too far"));
rejected.catch(() => {});
const fromAsync = (async () => "async result")();
let resultSeen = null;
fulfilled.then((value) => { resultSeen = value; });

step(() => {
    fulfilled.then((value) => print("fulfilled with:", value.answer, value === resultSeen));
    rejected.catch((reason) => print("rejected with:", reason.name, reason.message));
    fromAsync.then((value) => print("async:", value));
});

step(() => {
    rejected.then(() => print("wrong: fulfilled"), (reason) => print("second handler:", reason instanceof RangeError));
    Promise.allSettled([fulfilled, rejected]).then((results) => print("allSettled:", results.map((result) => result.status).join(",")));
});
