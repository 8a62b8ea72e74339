// Tests that an arrow made in a static method and using super reads the parent class's static members through the
// class's home object after migration, also after the parent's static method is replaced.
"use strict";

class Registry {
    static describe() { return `registry of ${this.name}`; }
}

class Plugins extends Registry {
    static describer() {
        return () => `plugins via ${super.describe()}`;
    }
}

const describe = Plugins.describer();

step(() => {
    print(describe());
});

step(() => {
    Registry.describe = function () { return `replaced registry of ${this.name}`; };
    print(describe());
});
