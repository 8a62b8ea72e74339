// Tests that public fields, private fields, private methods and private static state of class instances survive
// migration: private state is still reachable only through the class's own code, and `#x in obj` still works.
"use strict";

class Account {
    #balance = 0;
    #history = [];
    static #created = 0;
    owner;

    constructor(owner)
    {
        this.owner = owner;
        ++Account.#created;
    }

    #record(kind, amount)
    {
        this.#history.push(`${kind}:${amount}`);
    }

    deposit(amount)
    {
        this.#balance += amount;
        this.#record("in", amount);
        return this;
    }

    get balance() { return this.#balance; }
    get history() { return this.#history.join(","); }
    static isAccount(value) { return #balance in value; }
    static get created() { return Account.#created; }
}

const account = new Account("ada");
account.deposit(10);

step(() => {
    account.deposit(5);
    print("balance:", account.balance, "history:", account.history);
    print("own keys (private not visible):", Object.keys(account).join(","));
});

step(() => {
    account.deposit(1);
    print("balance after migration:", account.balance, "history:", account.history);
    print("brand check:", Account.isAccount(account), Account.isAccount({ owner: "fake" }));
    print("created:", Account.created);
    new Account("bob");
});

step(() => {
    print("created after another:", Account.created);
});
