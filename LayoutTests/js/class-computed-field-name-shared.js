// Tests that computed field keys keep their values and identities across migration: each evaluation of a class keeps
// the keys it computed (the key expressions are not evaluated again, so the counter they advance stays put), a
// symbol unique to the program keys fields of two classes and is still the one closures use to read them, and two
// closures made with the classes keep sharing the counter binding.
"use strict";

let evaluations = 0;
const secret = Symbol("secret");

function makeRecord(label)
{
    return class {
        [`${label}${++evaluations}`] = label;
        [secret] = evaluations;
        static [secret] = `static ${label}`;
    };
}

const First = makeRecord("first");
const Second = makeRecord("second");
const readSecret = (object) => object[secret];
const nextEvaluation = () => ++evaluations;

step(() => {
    print("first:", JSON.stringify(new First()), readSecret(new First()), First[secret]);
    print("second:", JSON.stringify(new Second()), readSecret(new Second()), Second[secret]);
    print("evaluations:", evaluations);
});

step(() => {
    print("first:", JSON.stringify(new First()), readSecret(new First()), First[secret]);
    print("second:", JSON.stringify(new Second()), readSecret(new Second()), Second[secret]);
    print("shared counter:", nextEvaluation(), evaluations);
    print("symbol keys:", Object.getOwnPropertySymbols(new First())[0] === secret, Object.getOwnPropertySymbols(Second)[0] === secret);
});
