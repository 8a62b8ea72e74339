// Tests that tagged templates stay the calls they were: a method tag keeps its `this`, `new tag\`x\`` constructs what
// the tagged call returns, and a chained `tag\`a\`\`b\`` calls the result of the first. The strings objects of each
// site stay the same after migration.
"use strict";

const counter = {
    count: 0,
    tag(strings, value) { this.count += value; return strings; },
};

function makeClass(strings)
{
    return class Made { constructor() { this.strings = strings; } };
}

function chained(strings)
{
    return (more) => [strings, more];
}

function evaluate()
{
    return { method: counter.tag`add ${2}`, made: new makeClass`made`, chain: chained`a``b` };
}

const first = evaluate();

step(() => {
    const second = evaluate();
    print("this kept:", counter.count);
    print("same strings:", second.method === first.method, second.made.strings === first.made.strings,
        second.chain[0] === first.chain[0], second.chain[1] === first.chain[1]);
    print("constructed:", second.made.constructor.name, "chained:", first.chain[0][0], first.chain[1][0]);
});
