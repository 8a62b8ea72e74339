// Minifies the classic scripts of npm test262-parser-tests' pass/ directory with terser (compress and mangle) into
// OUTPUT_DIRECTORY, for offload-corpus-check --minified. Module files (*.module.js) are skipped, as the instrumenter
// rewrites classic scripts only; scripts terser rejects are counted and skipped. Standard library and terser only.
//
// Usage: node minify-test262.mjs NODE_MODULES OUTPUT_DIRECTORY

import { readdir, readFile, writeFile, mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";

const [nodeModules, outputDirectory] = process.argv.slice(2);
if (!nodeModules || !outputDirectory) {
    console.error("usage: node minify-test262.mjs NODE_MODULES OUTPUT_DIRECTORY");
    process.exit(2);
}
const require = createRequire(join(resolve(nodeModules), "noop.js"));
const { minify } = require("terser");

const sourceDirectory = join(nodeModules, "test262-parser-tests", "pass");
const names = (await readdir(sourceDirectory)).filter((name) => name.endsWith(".js") && !name.endsWith(".module.js")).sort();
await mkdir(outputDirectory, { recursive: true });

// Compress, but keep what a parser test is about: with terser's defaults most of these scripts (expressions whose
// value is unused, declarations nobody reads) compress to nothing (23 KB for 1 865 scripts).
const compressOptions = { side_effects: false, unused: false, dead_code: false };

const started = performance.now();
let written = 0;
let rejected = 0;
let bytes = 0;
for (const name of names) {
    const source = await readFile(join(sourceDirectory, name), "utf8");
    let result;
    try {
        // Classic scripts: top-level names are globals and stay; everything else is compressed and mangled.
        result = await minify(source, { compress: compressOptions, mangle: true, module: false, toplevel: false });
    } catch {
        ++rejected;
        continue;
    }
    await writeFile(join(outputDirectory, name), result.code ?? "");
    bytes += Buffer.byteLength(result.code ?? "");
    ++written;
}
const seconds = (performance.now() - started) / 1000;
console.log(`Minified test262: ${names.length} pass/ scripts, ${written} minified by terser (${(bytes / 1024).toFixed(0)} KB) in ${seconds.toFixed(1)} s, ${rejected} rejected by terser (skipped)`);
