// Tests an object with thousands of properties (a dictionary-mode object in most engines) with many deletions:
// property order, values and the absence of deleted keys survive migration.
"use strict";

const dictionary = {};
for (let i = 0; i < 5000; ++i)
    dictionary[`key${i}`] = i;
for (let i = 0; i < 5000; i += 3)
    delete dictionary[`key${i}`];
dictionary.key0 = "re-added";

function fingerprint(object)
{
    let hash = 0;
    for (const key of Object.keys(object)) {
        for (let i = 0; i < key.length; ++i)
            hash = (Math.imul(hash, 33) + key.charCodeAt(i)) | 0;
    }
    return hash;
}

const before = fingerprint(dictionary);

step(() => {
    print("count:", Object.keys(dictionary).length, "order fingerprint kept:", fingerprint(dictionary) === before);
    print("first keys:", Object.keys(dictionary).slice(0, 4).join(","), "last key:", Object.keys(dictionary).pop());
    print("deleted absent:", "key3" in dictionary, "kept:", dictionary.key4999);
});
