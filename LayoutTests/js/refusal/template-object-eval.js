// offload-expect-refusal: the strings object of a tagged template in code made at run time
// Tests that a tagged template's strings object made by code that a direct eval ran is refused with the reason (eval
// code is made again by each evaluation, so its sites are not routed through the runtime and the object could not
// be given back to the site), and that the program runs on locally.
"use strict";

function tag(strings)
{
    return strings;
}

const kept = eval("tag`from eval`");

step(() => {
    print("frozen:", Object.isFrozen(kept), kept[0]);
});
