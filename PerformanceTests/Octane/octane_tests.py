#!/usr/bin/env python3
# Writes one self-contained engine test per Octane benchmark: Octane's base.js, the benchmark's own files and a small
# driver, concatenated, because offload-jsc runs exactly one script file and has no load().
#
# Usage: octane_tests.py [--mode=straight|migrate] OUTPUT_DIR [BENCHMARK ...]
#
# The Octane sources come from the npm package benchmark-octane (node_modules/, installed by
# Tools/Scripts/install-dependencies); nothing of it is committed here.
#
# Concatenating changes one thing: gbemu-part2.js starts with "use strict", which in a browser makes that file's
# script strict; in the middle of one combined script it is an ordinary expression, so the Gameboy emulator runs
# sloppy here. Its code does not depend on strictness; plain and instrumented runs get the same file either way.
#
# Both modes print machine-readable lines that run-octane-benchmark parses:
#   octane-score SUITE SCORE          Octane's score of a suite (and SUITELatency for Splay and Mandreel)
#   octane-time BENCHMARK MS          mean time of one iteration of a benchmark, in ms
#   octane-error SUITE MESSAGE        the benchmark threw, which includes its own validation failing
#   octane-done SCORE | octane-failed all suites ran; the overall score is printed only if none failed

import argparse
import os
import sys

TOP_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OCTANE_DIR = os.path.join(TOP_DIR, "node_modules", "benchmark-octane", "lib", "octane")

# Octane 2.0's suites in run.js order, with the files each needs after base.js.
BENCHMARKS = {
    "Richards": ["richards.js"],
    "DeltaBlue": ["deltablue.js"],
    "Crypto": ["crypto.js"],
    "RayTrace": ["raytrace.js"],
    "EarleyBoyer": ["earley-boyer.js"],
    "RegExp": ["regexp.js"],
    "Splay": ["splay.js"],
    "NavierStokes": ["navier-stokes.js"],
    "PdfJS": ["pdfjs.js"],
    "Mandreel": ["mandreel.js"],
    "Gameboy": ["gbemu-part1.js", "gbemu-part2.js"],
    "CodeLoad": ["code-load.js"],
    "Box2D": ["box2d.js"],
    "zlib": ["zlib.js", "zlib-data.js"],
    "Typescript": ["typescript.js", "typescript-input.js", "typescript-compiler.js"],
}

# Octane's run.js runs in a JavaScript shell (d8, jsc) that provides print() and read(). offload-jsc provides print()
# only; the Emscripten-compiled zlib takes its shell path when there is no `window` and stores a reference to read()
# (without calling it), so a stub that says what is missing is enough.
SHELL_PRELUDE = """\
// WebKit Offload: the shell's read(), referenced (never called) by Emscripten code in zlib.
function read(path) { throw new Error("read(" + path + ") is not available under offload-jsc"); }
"""

# In migrate mode, base.js's RunSuites yields between a suite's steps (a benchmark's setup, its measured run and its
# tear-down) when it sees window.setTimeout, as it does in a browser. Routing that timer to the engine test's step()
# turns every such yield into a turn boundary, where offload-jsc --migrate moves the whole program to a new engine:
# the benchmark's state built by its setup travels, the measured run executes on restored code, and the validation
# in the run or in the tear-down checks the result after migrating. It comes first so that the benchmarks' own files
# also see the browser-like environment they would in a page (zlib's Emscripten code then takes its browser path).
MIGRATE_PRELUDE = """\
// WebKit Offload: base.js yields through window.setTimeout between a suite's steps; make each yield a turn.
var window = { setTimeout: function (callback) { step(callback); } };
"""

# Reports per-suite scores and per-benchmark iteration times. BenchmarkSuite.prototype.NotifyStep is wrapped (not
# replaced) because it is the only place that sees a BenchmarkResult with its time; everything else is base.js's.
DRIVER = """\
// WebKit Offload benchmark driver: runs the suite above with Octane's own runner and validation.
(function () {
    var failed = false;
    var notifyStep = BenchmarkSuite.prototype.NotifyStep;
    BenchmarkSuite.prototype.NotifyStep = function (result) {
        print("octane-time " + result.benchmark.name + " " + result.time / 1000);
        return notifyStep.call(this, result);
    };
    BenchmarkSuite.RunSuites({
        NotifyResult: function (name, score) { print("octane-score " + name + " " + score); },
        NotifyError: function (name, error) {
            failed = true;
            print("octane-error " + name + " " + String(error).replace(/\\n/g, " "));
        },
        NotifyScore: function (score) { print(failed ? "octane-failed" : "octane-done " + score); }
    });
})();
"""


def check_octane():
    if not os.path.isfile(os.path.join(OCTANE_DIR, "base.js")):
        sys.exit(f"octane_tests.py: {OCTANE_DIR} is missing; run Tools/Scripts/install-dependencies")


def write_test(name, mode, output_dir):
    """Writes OUTPUT_DIR/NAME.js and returns its path."""
    parts = [SHELL_PRELUDE] + ([MIGRATE_PRELUDE] if mode == "migrate" else [])
    for file_name in ["base.js"] + BENCHMARKS[name]:
        with open(os.path.join(OCTANE_DIR, file_name), encoding="utf-8") as source:
            parts.append(f"// ---- {file_name} (npm benchmark-octane) ----\n")
            text = source.read()
            # A file whose last line is a comment without a newline would swallow the next file's first line.
            parts.append(text if text.endswith("\n") else text + "\n")
    parts.append(DRIVER)
    path = os.path.join(output_dir, f"{name}.js")
    with open(path, "w", encoding="utf-8") as output:
        output.write("".join(parts))
    return path


def main():
    parser = argparse.ArgumentParser(description="Write one self-contained engine test per Octane benchmark.")
    parser.add_argument("--mode", choices=["straight", "migrate"], default="straight")
    parser.add_argument("output_dir")
    parser.add_argument("benchmarks", nargs="*", metavar="BENCHMARK", help=", ".join(BENCHMARKS))
    args = parser.parse_args()
    check_octane()
    unknown = [name for name in args.benchmarks if name not in BENCHMARKS]
    if unknown:
        sys.exit(f"octane_tests.py: unknown benchmark(s) {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}")
    os.makedirs(args.output_dir, exist_ok=True)
    for name in args.benchmarks or BENCHMARKS:
        print(write_test(name, args.mode, args.output_dir))


if __name__ == "__main__":
    main()
