// Tests an async generator consumed by for-await in an async function, where each value becomes available in a
// later turn: both the generator and the consuming loop are suspended across migrations.
"use strict";

const feed = [];
function nextValue()
{
    return new Promise((resolve) => feed.push(resolve));
}

async function* ticker(count)
{
    for (let i = 0; i < count; ++i)
        yield `tick ${i}: ${await nextValue()}`;
}

(async () => {
    const received = [];
    for await (const tick of ticker(3))
        received.push(tick);
    print("consumer done:", received.join(" | "));
})();

step(() => feed.shift()("alpha"));
step(() => feed.shift()("beta"));
step(() => feed.shift()("gamma"));
