// A sloppy script with a `with` statement: the instrumenter refuses it, so it runs as written.
var settings = { size: 3 };
let area;
with (settings) {
    area = size * size;
}
function describe() { return "area " + area; }
