// Tests that a revocable proxy that is still live keeps working after migration, that revoking it later still
// makes every operation throw, and that a proxy revoked before migration stays revoked.
"use strict";

const live = Proxy.revocable({ value: "live" }, {});
const dead = Proxy.revocable({ value: "dead" }, {});
dead.revoke();

function attempt(action)
{
    try {
        return action();
    } catch (error) {
        return error instanceof TypeError ? "TypeError" : "other error";
    }
}

step(() => {
    print("live:", attempt(() => live.proxy.value));
    print("dead:", attempt(() => dead.proxy.value), attempt(() => Object.keys(dead.proxy)));
});

step(() => {
    print("live after migration:", attempt(() => live.proxy.value));
    live.revoke();
    print("live after revoke:", attempt(() => live.proxy.value));
});

step(() => {
    print("still revoked:", attempt(() => live.proxy.value), attempt(() => typeof dead.proxy));
});
