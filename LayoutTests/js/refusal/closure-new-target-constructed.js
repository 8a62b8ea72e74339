// offload-expect-refusal: new.target of a function called as a constructor
// Tests that an arrow that reads new.target of a function called with `new` is refused with the reason (a restored
// closure would see undefined), and that the program runs on locally.
"use strict";

function Widget(size)
{
    let doubled = size * 2;
    this.describe = () => `${new.target === Widget ? "constructed" : "called"} ${doubled}`;
}

const widget = new Widget(4);

step(() => {
    print(widget.describe());
});

step(() => {
    print(widget.describe(), "again");
});
