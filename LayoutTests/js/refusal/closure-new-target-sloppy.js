// offload-expect-refusal: new.target of a sloppy-mode function called as a constructor
// Tests that an arrow reading new.target of a sloppy-mode function called with `new` is refused with the reason: the
// restore gives new.target back by constructing a class, whose body would make the sloppy function's closures strict.
// The program runs on locally.

function Gadget(size)
{
    this.made = () => `${new.target === Gadget ? "constructed" : "called"} ${size}`;
}

const gadget = new Gadget(3);

step(() => {
    print(gadget.made());
});

step(() => {
    print(gadget.made(), "again");
});
