var o = { x: 1 };
with (o) {
    x;
}
