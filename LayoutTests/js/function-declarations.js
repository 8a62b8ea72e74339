// Tests that top-level function declarations survive migration as the same callable functions: hoisting still
// visible through globalThis (sloppy script), name and length preserved, recursion through their own name works.

function factorial(n)
{
    return n <= 1 ? 1 : n * factorial(n - 1);
}

function greet(first, last, unusedOptional = "x")
{
    return `hello ${first} ${last}`;
}

var savedFactorial = factorial;

step(() => {
    print("factorial(10):", factorial(10));
    print("names:", factorial.name, greet.name, "lengths:", factorial.length, greet.length);
    print("on globalThis:", globalThis.factorial === factorial, typeof globalThis.greet);
});

step(() => {
    print("identity kept:", savedFactorial === factorial);
    print("greet:", greet("Ada", "Lovelace"));
    print("prototype object:", typeof factorial.prototype, factorial.prototype.constructor === factorial);
});
