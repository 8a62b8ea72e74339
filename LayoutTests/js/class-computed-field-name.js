// Tests that a class whose field name is computed travels: the rebuilt class defines the field under the key its
// evaluation computed, without evaluating the key expression again.
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
