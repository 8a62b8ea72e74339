// Tests async methods of class instances suspended across turns: after resuming they still have their `this`,
// their arguments and their locals, and two concurrent calls on one instance interleave correctly.
"use strict";

const waiting = [];
function until(label)
{
    return new Promise((resolve) => waiting.push({ label, resolve }));
}

class Downloader {
    constructor(name)
    {
        this.name = name;
        this.completed = [];
    }

    async fetch(file, parts)
    {
        const chunks = [];
        for (let part = 0; part < parts; ++part)
            chunks.push(await until(`${file}#${part}`));
        this.completed.push(`${file}=${chunks.join("")}`);
        return this.completed.length;
    }
}

const downloader = new Downloader("dl");
downloader.fetch("a.bin", 2).then((count) => print("a.bin done, completed", count));
downloader.fetch("b.bin", 1).then((count) => print("b.bin done, completed", count));

function release()
{
    const next = waiting.shift();
    print("releasing", next.label);
    next.resolve(next.label.slice(-1));
}

step(release);
step(release);
step(release);
step(() => print(downloader.name, "completed:", downloader.completed.join(", ")));
