// Tests a promise chain that waits on promises resolved in several later turns, including a then returning a
// pending promise (adoption), finally handlers and a rejection recovered by catch; every link runs in order.
"use strict";

const resolvers = [];
function later(label)
{
    return new Promise((resolve, reject) => resolvers.push({ label, resolve, reject }));
}

later("a")
    .then((value) => { print("got", value); return later("b"); })
    .then((value) => { print("got", value); return later("c"); })
    .then(() => print("wrong: c fulfilled"))
    .catch((error) => { print("caught", error.message); return "recovered"; })
    .finally(() => print("finally ran"))
    .then((value) => print("end of chain:", value));

function settleNext(turn)
{
    const next = resolvers.shift();
    if (!next) {
        print(`turn ${turn}: nothing to settle`);
        return;
    }
    print(`turn ${turn}: settling ${next.label}`);
    if (next.label === "c")
        next.reject(new Error("c failed"));
    else
        next.resolve(next.label.toUpperCase());
}

step(() => settleNext(1));
step(() => settleNext(2));
step(() => settleNext(3));
step(() => settleNext(4));
