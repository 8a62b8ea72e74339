// offload-expect-refusal: has a computed field name
// Tests that a class whose field name is computed is refused with the reason (a rebuilt class would evaluate the
// name again, in a scope not yet filled in), and that the program runs on locally.
"use strict";

const key = "size";
class Box {
    [key] = 3;
}

step(() => {
    print(new Box().size);
});

step(() => {
    print(JSON.stringify(new Box()));
});
