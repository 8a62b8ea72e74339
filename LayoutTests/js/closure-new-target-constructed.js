// Tests that an arrow reading new.target of a function called with `new` keeps it across migration: the restore
// constructs the rebuilt scope of that call with the captured new.target, and the arrow still shares the call's other
// bindings (`doubled`) and its `this`.
"use strict";

function Widget(size)
{
    let doubled = size * 2;
    this.describe = () => `${new.target === Widget ? "constructed" : "called"} ${doubled}`;
    this.grow = () => { doubled += 1; return this; };
}

const widget = new Widget(4);

step(() => {
    print(widget.describe());
});

step(() => {
    print(widget.grow() === widget, widget.describe(), "again");
});
