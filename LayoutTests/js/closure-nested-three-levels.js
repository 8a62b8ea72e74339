// Tests closures nested three levels deep: the innermost function reads and writes variables of all three
// enclosing scopes, and sibling closures at each level share their level's scope after migration.
"use strict";

function outer(a)
{
    let outerCalls = 0;
    return function middle(b) {
        ++outerCalls;
        let middleCalls = 0;
        return function inner(c) {
            ++middleCalls;
            let innerCalls = 0;
            return {
                sum: () => a + b + c,
                bump: () => { ++innerCalls; a += 100; return `${outerCalls}/${middleCalls}/${innerCalls}`; },
            };
        };
    };
}

const middle = outer(1);
const innerOne = middle(10);
const innerTwo = middle(20);
const leafA = innerOne(100);
const leafB = innerOne(200);
const leafC = innerTwo(300);

step(() => {
    print("sums:", leafA.sum(), leafB.sum(), leafC.sum());
    print("bump A:", leafA.bump());
});

step(() => {
    print("a changed for all leaves:", leafA.sum(), leafB.sum(), leafC.sum());
    print("bump B:", leafB.bump(), "bump C:", leafC.bump());
});

step(() => {
    print("sums:", leafA.sum(), leafB.sum(), leafC.sum());
});
