// Tests that arrow functions keep the `this` they captured when created (in a method, in a constructor, in a class
// field initializer) after migration, rather than taking the caller's this.
"use strict";

class Button {
    label;
    clickCount = 0;
    onClick = () => { ++this.clickCount; return `${this.label} clicked ${this.clickCount}`; };

    constructor(label)
    {
        this.label = label;
    }
}

function Timer(name)
{
    this.name = name;
    this.tick = () => this.name;
}

const panel = {
    title: "panel",
    makeReader() { return () => this.title; },
};

const save = new Button("save");
const handler = save.onClick;
const timer = new Timer("t1");
const readTitle = panel.makeReader();

step(() => {
    print(handler());
    print("timer:", timer.tick.call({ name: "other" }));
    print("reader:", readTitle.call(null));
});

step(() => {
    print(handler.call({ label: "wrong", clickCount: 100 }));
    panel.title = "renamed panel";
    print("reader sees object change:", readTitle());
});
