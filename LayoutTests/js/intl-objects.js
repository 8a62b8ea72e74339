// Tests that Intl objects (whose locale data lives in engine slots) travel as what they are: every kind, made again
// from its resolved options, formats, compares and selects as before and keeps its identity, prototype and own
// properties; an instance of a subclass of Intl.NumberFormat keeps its class.
"use strict";

class Labelled extends Intl.NumberFormat {
    label() { return `${this.name}: ${this.format(0.75)}`; }
}

const formats = {
    percent: new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 }),
    euro: new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR" }),
    compact: new Intl.NumberFormat("en", { notation: "compact" }),
    date: new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeStyle: "short", timeZone: "Europe/Paris" }),
    hours: new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", hour12: false, timeZone: "UTC" }),
    collator: new Intl.Collator("sv", { sensitivity: "base" }),
    plural: new Intl.PluralRules("en", { type: "ordinal" }),
    relative: new Intl.RelativeTimeFormat("fr", { numeric: "auto" }),
    list: new Intl.ListFormat("en", { type: "disjunction" }),
    names: new Intl.DisplayNames("en", { type: "region" }),
    segmenter: new Intl.Segmenter("en", { granularity: "word" }),
    duration: new Intl.DurationFormat("en", { style: "digital" }),
    locale: new Intl.Locale("en-Latn-US", { calendar: "gregory", hourCycle: "h12" }),
    labelled: new Labelled("en-US", { style: "percent" }),
};
formats.percent.note = "an own property";
formats.labelled.name = "share";
const same = formats.euro;

function show(label)
{
    print(label);
    print("  numbers:", formats.percent.format(0.1234), formats.percent.note, formats.euro.format(1234.5), formats.compact.format(123456));
    print("  dates:", formats.date.format(981173106007), "|", formats.hours.format(981173106007));
    print("  collator:", ["b", "A", "a", "\u00e4"].sort(formats.collator.compare).join(""), formats.collator.compare("a", "A"));
    print("  plural:", [1, 2, 3, 4].map((n) => formats.plural.select(n)).join(","), formats.relative.format(-1, "day"));
    print("  list and names:", formats.list.format(["x", "y", "z"]), formats.names.of("FR"));
    print("  segments:", [...formats.segmenter.segment("hi there!")].filter((s) => s.isWordLike).length, formats.duration.format({ hours: 1, minutes: 2, seconds: 3 }));
    print("  locale:", formats.locale.toString(), formats.locale.hourCycle, formats.locale.maximize().toString());
    print("  subclass:", formats.labelled.label(), formats.labelled instanceof Labelled, Object.prototype.toString.call(formats.labelled));
    print("  identity:", same === formats.euro, formats.euro instanceof Intl.NumberFormat, JSON.stringify(formats.euro.resolvedOptions()).length);
}

show("before");
step(() => show("after one turn"));
step(() => {
    formats.percent.note = "changed";
    show("after a change");
});
