// Tests that a body `var` named like a parameter is a binding of its own when the parameters have expressions: a
// closure made in a default expression keeps reading and writing the parameter, body closures the variable, after
// migration too.
"use strict";

function makePair(x = "param", readParameter = () => x, writeParameter = (value) => { x = value; })
{
    var x = "body";
    return { readParameter, writeParameter, readBody: () => x, writeBody: (value) => { x = value; } };
}

const pair = makePair();

step(() => {
    print("parameter:", pair.readParameter(), "body:", pair.readBody());
    pair.writeParameter("param 2");
});

step(() => {
    print("after parameter write:", pair.readParameter(), pair.readBody());
    pair.writeBody("body 2");
});

step(() => {
    print("after body write:", pair.readParameter(), pair.readBody());
});
