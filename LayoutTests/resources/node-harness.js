// Runs one engine layout test under Node.js the way offload-jsc runs it in straight mode, so that baselines
// (`NAME-expected.txt`) can be produced without a build:
//
//     node LayoutTests/resources/node-harness.js LayoutTests/js/NAME.js > LayoutTests/js/NAME-expected.txt
//
// The engine test format (Documentation and issue 3, point 6): the script runs as a classic script in the global
// scope (turn 0). `print(...args)` writes the arguments converted with String() and joined by one space, then a
// newline. `step(fn)` queues fn as a later turn. After each turn the microtask queue is drained; queued turns run
// first-in first-out. JavaScriptCore is the reference engine: where Node and offload-jsc disagree, the baseline
// follows offload-jsc.

"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");

if (process.argv.length !== 3) {
    process.stderr.write("Usage: node node-harness.js TEST.js\n");
    process.exit(2);
}

const testPath = process.argv[2];
const source = fs.readFileSync(testPath, "utf8");
const topDirectory = path.join(__dirname, "..", "..");

// The scripts a `// offload-scripts: PATH…` line among the test's leading comments names, each run first as a script
// of its own (paths relative to the test's folder, else to the top of the tree), as run-layout-tests has it.
function prerequisiteScripts()
{
    const scripts = [];
    for (const line of source.split("\n")) {
        if (!line.startsWith("//"))
            break;
        const match = /^\/\/\s*offload-scripts:\s*(.+?)\s*$/.exec(line);
        if (!match)
            continue;
        for (const name of match[1].split(/\s+/)) {
            const besideTest = path.join(path.dirname(testPath), name);
            scripts.push(fs.existsSync(besideTest) ? besideTest : path.join(topDirectory, name));
        }
    }
    return scripts;
}
const pendingTurns = [];
let output = "";

function defineGlobal(name, value)
{
    Object.defineProperty(globalThis, name, { value, writable: true, enumerable: false, configurable: true });
}

// Like offload-jsc's, print and step call none of the program's methods (a test may replace them and count calls):
// index loops and built-ins taken before the test runs.
const toString = String;
const shiftMethod = Array.prototype.shift;
const apply = Reflect.apply;

defineGlobal("print", function print(...args) {
    let line = "";
    for (let i = 0; i < args.length; ++i)
        line += (i ? " " : "") + toString(args[i]);
    output += line + "\n";
});

defineGlobal("step", function step(callback) {
    if (typeof callback !== "function")
        throw new TypeError("step() expects a function");
    pendingTurns[pendingTurns.length] = callback;
});

// JavaScriptCore does not abort a program on an unhandled rejection; Node does unless told otherwise.
process.on("unhandledRejection", () => { });

function drainMicrotasks()
{
    // Promise jobs and nextTick callbacks all run before the next check-phase callback.
    return new Promise((resolve) => setImmediate(resolve));
}

// Like offload-jsc, an exception that escapes a turn is part of the program's output, not the end of the run: it
// is printed as "Uncaught " followed by String(exception), and the remaining turns still run.
function reportUncaughtException(error)
{
    let text;
    try {
        text = String(error);
    } catch {
        text = Object.prototype.toString.call(error);
    }
    output += `Uncaught ${text}\n`;
}

(async () => {
    for (const script of [...prerequisiteScripts(), testPath]) {
        try {
            vm.runInThisContext(script === testPath ? source : fs.readFileSync(script, "utf8"), { filename: script });
        } catch (error) {
            reportUncaughtException(error);
        }
    }
    await drainMicrotasks();
    while (pendingTurns.length) {
        const turn = apply(shiftMethod, pendingTurns, []);
        try {
            turn();
        } catch (error) {
            reportUncaughtException(error);
        }
        await drainMicrotasks();
    }
    process.stdout.write(output);
})();
