// Tests that closures keep working after migration when their scopes list only the bindings nested code refers to:
// locals no closure reads stay out of the scope (and of the snapshot), shadowed names, var hoisting out of blocks,
// catch parameters, helpers declared as functions, labelled functions, classes and named function expressions still
// resolve to the right values in the restored scopes.

function counterWithUnreadLocals(start)
{
    let unused = start * 2;
    const alsoUnused = { big: new Array(100).fill(7) };
    var notRead = "local";
    let count = start;
    unused += alsoUnused.big.length + notRead.length;
    return { next: () => ++count, peek: () => count };
}

function shadowing()
{
    let name = "function";
    let label = "function label";
    {
        let name = "block";
        var fromBlock = () => name;
    }
    return [fromBlock, () => label];
}

function hoistedVar(flag)
{
    const read = () => (typeof hoisted === "undefined" ? "none" : hoisted);
    if (flag) {
        var hoisted = "hoisted " + flag;
    }
    return read;
}

function catchParameter()
{
    let error = "outer";
    try {
        throw new Error("caught");
    } catch (error) {
        return () => error.message;
    }
}

function helpers(base)
{
    function twice(x) { return 2 * x; }
    function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }
    labelled: function tagged() { return "tagged"; }
    return { twice, fact, tagged, plusBase: (x) => twice(x) + base };
}

function classMakingItself(key, unusedParameter)
{
    let created = 0;
    class Keyed {
        constructor() { ++created; }
        greet() { return `${key} of ${created}`; }
        static make() { return () => new Keyed(); }
    }
    return Keyed.make();
}

const namedExpression = function fib(n) { return n < 2 ? n : [n - 1, n - 2].map((k) => fib(k)).reduce((a, b) => a + b); };

function assignmentsFromClosures()
{
    let a = 1;
    let b = 2;
    let untouched = 3;
    const set = () => { [a, { b }] = [a + 10, { b: b + 20 }]; };
    untouched += 1;
    return { set, get: () => `${a},${b}` };
}

function evalSeesEverything(x)
{
    let y = x + 1;
    let z = "z";
    return function (code) { return eval(code); };
}

const counter = counterWithUnreadLocals(5);
const [blockReader, labelReader] = shadowing();
const hoistedReaders = [hoistedVar(0), hoistedVar(3)];
const caught = catchParameter();
const help = helpers(100);
const makeKeyed = classMakingItself("greet", "ignored");
const assignments = assignmentsFromClosures();
const evaluator = evalSeesEverything(41);

step(() => {
    print("counter:", counter.next(), counter.next());
    print("shadowing:", blockReader(), "|", labelReader());
    print("hoisted:", hoistedReaders[0](), "|", hoistedReaders[1]());
    print("catch:", caught());
    print("helpers:", help.twice(4), help.fact(5), help.tagged(), help.plusBase(1));
    print("keyed:", makeKeyed().greet());
    print("named expression:", namedExpression(10));
    assignments.set();
    print("assignments:", assignments.get());
    print("eval:", evaluator("x + y + z"));
});

step(() => {
    print("counter:", counter.next(), counter.peek());
    print("shadowing:", blockReader(), "|", labelReader());
    print("hoisted:", hoistedReaders[0](), "|", hoistedReaders[1]());
    print("catch:", caught());
    print("helpers:", help.twice(5), help.fact(6), help.tagged(), help.plusBase(2));
    print("keyed:", makeKeyed().greet(), makeKeyed().greet());
    print("named expression:", namedExpression(12));
    assignments.set();
    print("assignments:", assignments.get());
    print("eval:", evaluator("y = y * 2; x + y + z"));
});
