// Tests how closures made in the parameter lists of arrows (and of functions nested in parameter lists) are told
// apart by call: two calls with equal parameter values stay two scopes, the closures of one call keep sharing its
// parameters (also when the body declares a parameter's name again, and in a recursion within a parameter list),
// and a closure made after migration by a function nested in a parameter list shares them too.
"use strict";

const makeCell = (value = 0, get = () => value, set = (next) => { value = next; }) => ({ get, set, bump: () => ++value });
const first = makeCell(1);
const second = makeCell(1);

const hiding = (x = 1, y = 2, readX = () => x) => { var x = 10; return { readX, readBodyX: () => x, incrementY: () => ++y, readY: () => y }; };
const hidingFirst = hiding();
const hidingSecond = hiding();

function makeReader(x = 1, factory = function () { return () => x; })
{
    return { read: factory(), factory, write: (value) => { x = value; } };
}
const reader = makeReader();
const otherReader = makeReader();

const chain = (n, inner = n > 0 ? chain(n - 1) : null, get = () => n, set = (value) => { n = value; }) => ({ inner, get, set });
const deep = chain(2);

step(() => {
    first.set(5);
    second.set(7);
    print("cells:", first.get(), second.get(), first.bump(), second.bump());
    print("hiding:", hidingFirst.readX(), hidingFirst.readBodyX(), hidingFirst.incrementY(), hidingSecond.readY());
    reader.write(3);
    print("readers:", reader.read(), otherReader.read());
    deep.inner.set(40);
    print("chain:", deep.get(), deep.inner.get(), deep.inner.inner.get());
});

step(() => {
    first.set(first.get() + 1);
    print("cells:", first.get(), second.get(), first.bump(), second.bump());
    print("hiding:", hidingFirst.readX(), hidingFirst.readBodyX(), hidingFirst.incrementY(), hidingFirst.readY(), hidingSecond.readY());
    const later = reader.factory();
    reader.write(9);
    print("readers:", reader.read(), later(), otherReader.read());
    deep.inner.inner.set(-1);
    print("chain:", deep.get(), deep.inner.get(), deep.inner.inner.get());
});

step(() => {
    print("finally:", first.get(), second.get(), hidingFirst.readY(), reader.read(), otherReader.read(), reader.factory()(), deep.inner.inner.get());
});
