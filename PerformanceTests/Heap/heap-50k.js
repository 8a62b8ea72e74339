// Builds a heap of 50 000 objects shaped like a real application's state, then yields a few turns so that
// offload-jsc --migrate --stats captures, encodes and restores all of it at every turn boundary.
// The mix: records pointing at each other (a user table with a manager hierarchy), small arrays, class instances
// with methods on the prototype, closures that share mutable scopes, Maps and Sets indexing the records, Dates,
// and distinct strings (names, e-mails) as an app would hold. The checksum printed before and after the migrations
// must be the same: a benchmark that migrates the wrong heap would otherwise report misleadingly fast numbers.

var objectCount = 0;
function counted(object) {
    ++objectCount;
    return object;
}

class Point {
    constructor(x, y) {
        this.x = x;
        this.y = y;
    }
    length() { return Math.sqrt(this.x * this.x + this.y * this.y); }
}

function makeCounter(start) {
    let count = start;
    const counter = counted(function () { return ++count; });
    counter.reset = counted(() => { count = start; });
    return counter;
}

const users = counted([]);
const byName = counted(new Map());
const byTeam = counted(new Map());
for (let i = 0; i < 8000; ++i) {
    const user = counted({
        id: i,
        name: "user-" + i,
        email: "user" + i + "@example.org",
        manager: i ? users[Math.floor(i / 8)] : null,
        location: counted(new Point(i % 97, i % 89)),
        tags: counted(["t" + (i % 13), "t" + (i % 7)]),
        joined: counted(new Date(Date.UTC(2020, 0, 1) + i * 3600000)),
        active: i % 3 !== 0,
    });
    users.push(user);
    byName.set(user.name, user);
    const teamName = "team-" + (i % 500);
    if (!byTeam.has(teamName))
        byTeam.set(teamName, counted(new Set()));
    byTeam.get(teamName).add(user);
}

// 3 000 counters: 6 000 closures over 3 000 shared scopes, each with an own property.
const counters = counted([]);
for (let i = 0; i < 3000; ++i)
    counters.push(makeCounter(i));

// A cache of 4 000 small result objects with nested arrays, keyed in a Map by string.
const cache = counted(new Map());
for (let i = 0; i < 4000; ++i)
    cache.set("query-" + i, counted({ hits: i % 17, rows: counted([i, i + 1, i + 2]) }));

// The rest: an event log of small records, to reach 50 000.
const events = counted([]);
while (objectCount < 50000)
    events.push(counted({ seq: events.length, kind: events.length % 2 ? "click" : "scroll" }));

function checksum() {
    let sum = 0;
    for (const user of users)
        sum += user.id + user.location.length() + (user.manager ? user.manager.id : 0) + user.joined.getTime() % 1000;
    for (const counter of counters)
        sum += counter() - 1;
    for (const [key, entry] of cache)
        sum += entry.hits + entry.rows[2] + key.length;
    for (const [, team] of byTeam)
        sum += team.size;
    sum += events.length + byName.get("user-4242").manager.id;
    return sum;
}

print("objects:", objectCount);
print("checksum:", checksum());
for (const counter of counters)
    counter.reset();

const turns = 3;
let turn = 0;
function nextTurn() {
    // A little work each turn, as an app does between offloads.
    users[turn].active = !users[turn].active;
    if (++turn < turns) {
        step(nextTurn);
        return;
    }
    print("checksum:", checksum());
}
step(nextTurn);
