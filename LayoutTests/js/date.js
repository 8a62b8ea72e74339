// Tests that Date objects keep their exact time value (milliseconds, far past and future, invalid dates), extra
// properties and identity after migration, and that setters still change the same object.
"use strict";

const epoch = new Date(0);
const precise = new Date(Date.UTC(2024, 1, 29, 23, 59, 59, 999));
const ancient = new Date(-8.64e15);
const invalid = new Date(NaN);
precise.label = "leap day";
const schedule = { start: precise, again: precise };

step(() => {
    print("epoch:", epoch.toISOString(), epoch.getTime());
    print("precise:", precise.toISOString(), precise.label);
    print("ancient:", ancient.getTime(), ancient.toISOString());
    print("invalid:", Number.isNaN(invalid.getTime()), String(invalid));
    print("is Date:", precise instanceof Date, Object.prototype.toString.call(precise));
    precise.setUTCMilliseconds(0);
});

step(() => {
    print("setter changed shared object:", schedule.again.toISOString(), schedule.start === schedule.again);
    print("arithmetic:", (schedule.start - epoch) / 86400000);
    print("JSON:", JSON.stringify({ when: epoch }));
});
