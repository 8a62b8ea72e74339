// Drives a TodoMVC app (npm todomvc 0.1.1) through a user session with real DOM events, one action per turn:
// add three todos, toggle one, edit one, filter active, completed and all, delete one, clear the completed ones, add
// one more. It ends by printing the sorted JSON of localStorage as the body's whole text, so that the output is the
// app's state and nothing of its layout.
//
// The test adds this script at the top of the app's page (offload-app), before the app's own scripts: it makes the
// clock and Math.random deterministic (apps name their todos by the time or by random ids), for the plain, offloaded
// and migrated runs alike; their state lives in this script's closures, so it travels with the page.
"use strict";

(function () {
    let seed = 20261207;
    Math.random = function random() {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed / 2147483648;
    };
    const RealDate = Date;
    let clock = RealDate.UTC(2026, 11, 7, 12);
    const now = () => (clock += 1000);
    window.Date = class Date extends RealDate {
        constructor(...args) {
            super(...(args.length ? args : [now()]));
        }
        static now() {
            return now();
        }
    };

    const enterKey = 13;
    // Apps read the key of a key event as keyCode, which, or key; KeyboardEvent's init dictionary gives only the last.
    const keyEvent = (type, keyCode) => {
        const event = new KeyboardEvent(type, { key: "Enter", bubbles: true, cancelable: true });
        Object.defineProperty(event, "keyCode", { get: () => keyCode });
        Object.defineProperty(event, "which", { get: () => keyCode });
        Object.defineProperty(event, "charCode", { get: () => (type === "keypress" ? keyCode : 0) });
        return event;
    };
    const dispatch = (target, event) => target.dispatchEvent(event);
    // The value through the element's own setter, so that frameworks tracking it see the change, then the events a
    // user's typing gives.
    const type = (input, text) => {
        input.focus();
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set.call(input, text);
        dispatch(input, new Event("input", { bubbles: true }));
        dispatch(input, new Event("change", { bubbles: true }));
    };
    const pressEnter = (input) => {
        for (const kind of ["keydown", "keypress", "keyup"])
            dispatch(input, keyEvent(kind, enterKey));
        if (input.form)
            dispatch(input.form, new Event("submit", { bubbles: true, cancelable: true }));
    };
    const items = () => Array.from(document.querySelectorAll("#todo-list > li, .todo-list > li"));
    const newTodo = () => document.querySelector("#new-todo, .new-todo");
    const itemCountIs = (count) => () => items().length === count;
    const always = () => true;

    function add(text) {
        const input = newTodo();
        type(input, text);
        pressEnter(input);
    }

    function toggle(position) {
        items()[position].querySelector(".toggle").click();
    }

    function edit(position, text) {
        const label = items()[position].querySelector("label");
        dispatch(label, new MouseEvent("dblclick", { bubbles: true, cancelable: true }));
        const input = items()[position].querySelector(".edit");
        type(input, text);
        pressEnter(input);
        dispatch(input, new FocusEvent("blur"));
    }

    function printStorage() {
        const entries = {};
        for (const key of Object.keys(localStorage).sort()) {
            const value = localStorage.getItem(key);
            try {
                entries[key] = JSON.parse(value);
            } catch {
                entries[key] = value;
            }
        }
        document.body.textContent = JSON.stringify(entries, null, 1);
    }

    // Each action waits, a turn at a time, until the page shows what it acts on: apps build their page and redraw
    // asynchronously (modules loaded by XHR, a framework's run loop, animation frames).
    const actions = [
        [() => !!newTodo(), () => add("buy milk")],
        [itemCountIs(1), () => add("write tests")],
        [itemCountIs(2), () => add("walk the dog")],
        [itemCountIs(3), () => toggle(0)],
        [always, () => edit(1, "write more tests")],
        [always, () => (location.hash = "#/active")],
        [always, () => (location.hash = "#/completed")],
        [always, () => (location.hash = "#/")],
        [itemCountIs(3), () => items()[2].querySelector(".destroy").click()],
        [itemCountIs(2), () => document.querySelector("#clear-completed, .clear-completed").click()],
        [itemCountIs(1), () => add("migrate the app")],
        [itemCountIs(2), printStorage],
    ];
    let done = 0;
    let waited = 0;
    function next() {
        const [isReady, action] = actions[done];
        if (!isReady() && waited++ < 100) {
            step(next);
            return;
        }
        try {
            action();
        } catch (error) {
            // The session stops; the body says where.
            document.body.textContent = `the session failed at action ${done + 1}: ${error}`;
            return;
        }
        if (++done < actions.length)
            step(next);
    }
    step(next);
})();
