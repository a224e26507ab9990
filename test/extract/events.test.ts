import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {extractEvents} from "../../data-loaders/extract/events.ts";
import type {EntityType, Event} from "../../data-loaders/types.ts";
import {mentionsOf, parse} from "./documents.ts";

type Names = Record<string, string | [string, EntityType]>;

const NAMES: Names = {
  "Mistral AI": "Mistral AI",
  Mistral: "Mistral AI",
  Vibe: ["Vibe", "product"],
  Forge: ["Forge", "product"],
  Nvidia: "Nvidia",
  Koyeb: "Koyeb",
  "BNP Paribas": "BNP Paribas",
  Tarang: "Tarang",
  ChatNest: "ChatNest",
  "Peepal Capital": "Peepal Capital",
  Paris: ["Paris", "place"],
  "Arthur Mensch": ["Arthur Mensch", "person"]
};

function eventsOf(text: string, published = "", names: Names = NAMES): {events: Event[]; text: string} {
  const parsed = parse(text, {published});
  return {events: extractEvents(parsed.document, parsed.sentences, mentionsOf(parsed, names)), text};
}

/** Events as "kind date (precision)", the way a reader checks them. */
function read(text: string, published = ""): string[] {
  return eventsOf(text, published).events.map((e) => `${e.kind} ${e.date} (${e.date_precision})`);
}

describe("extractEvents: kinds", () => {
  const cases: [string, string, string][] = [
    ["funding", "A €1.7 billion Series C for Mistral in September 2025, led by ASML.", "funding 2025-09 (month)"],
    ["product_launch", "Mistral launched Vibe in March 2026.", "product_launch 2026-03 (month)"],
    ["rename", "Mistral renamed its assistant in March 2026.", "rename 2026-03 (month)"],
    ["acquisition", "Mistral acquired Koyeb in February 2026.", "acquisition 2026-02 (month)"],
    ["partnership", "Mistral signed a partnership with Nvidia in March 2026.", "partnership 2026-03 (month)"],
    ["conference", "Mistral's conference on 28 May 2026 drew a crowd.", "conference 2026-05-28 (day)"],
    ["data_centre", "Mistral will build a 44MW data center near Paris, it said in March 2026.", "data_centre 2026-03 (month)"],
    ["customer", "Mistral began working with its first customer, BNP Paribas, in 2023.", "customer 2023 (year)"]
  ];
  for (const [kind, text, expected] of cases) it(`reads a ${kind}`, () => assert.deepEqual(read(text), [expected]));

  it("reads a launch from a launch verb right before a named product", () => {
    assert.deepEqual(read("On 28 May 2026 Mistral presented Forge to developers."), ["product_launch 2026-05-28 (day)"]);
  });

  it("gives one event per kind and date, and a sentence can hold several kinds", () => {
    assert.deepEqual(read("In March 2026 Mistral acquired Koyeb and raised $830 million in debt, then acquired another start-up."), [
      "acquisition 2026-03 (month)",
      "funding 2026-03 (month)"
    ]);
  });
});

describe("extractEvents: dates", () => {
  it("skips sentences without a date", () => {
    assert.deepEqual(read("Mistral acquired Koyeb. Mistral launched Vibe."), []);
  });

  it("dates each cue by the date after it, unless a cue of another kind comes first", () => {
    assert.deepEqual(
      read("Tarang, which raised $65 million in February in a round led by Peepal Capital, acquired ChatNest, a chatbot maker, in March for about $12 million.", "2026-07-15"),
      ["funding 2026-02 (month)", "acquisition 2026-03 (month)"]
    );
  });

  it("else by the date before it", () => {
    assert.deepEqual(read("In the third quarter of last year Mistral acquired Koyeb.", "2026-05-20"), ["acquisition 2025-Q3 (quarter)"]);
    assert.deepEqual(read("Mistral has raised €385 million in a Series B round, the company said on Wednesday.", "2026-03-12"), ["funding 2026-03-11 (day)"]);
  });

  it("counts 'two years later' from the sentence's earlier date", () => {
    assert.deepEqual(read("Mistral was spun out in 2014 and signed its first customer, BNP Paribas, two years later."), ["customer 2016 (year)"]);
  });

  it("is never dated by a deadline", () => {
    assert.deepEqual(read("Mistral plans to launch Vibe by 2028.", "2026-03-12"), []);
  });

  it("reads 'this week' as the month of the reference", () => {
    assert.deepEqual(read("Mistral was valued at €2.4 billion in the Series B round it announced this week.", "2026-03-13"), ["funding 2026-03 (month)"]);
  });

  it("reads a span of months as its quarter", () => {
    assert.deepEqual(read("Mistral expanded its strategic partnerships in February and March 2026."), ["partnership 2026-Q1 (quarter)"]);
  });

  it("does not date a cue by a date in another clause", () => {
    assert.deepEqual(read("Mistral raised $500m; Koyeb launched its app in 2023."), ["product_launch 2023 (year)"]);
  });
});

describe("extractEvents: a date carried from an earlier sentence", () => {
  it("carries a day, month or quarter to the next sentences of the paragraph", () => {
    const text =
      "Mistral made its most audacious move yet on 28 May 2026. At the company's first developer conference, it announced Vibe — a new product — along with a new inference data center south of Paris and the rebranding of its assistant.";
    assert.deepEqual(read(text), ["conference 2026-05-28 (day)", "product_launch 2026-05-28 (day)", "data_centre 2026-05-28 (day)", "rename 2026-05-28 (day)"]);
  });

  it("points a carried event at its own sentence", () => {
    const {events, text} = eventsOf("Mistral moved on 28 May 2026. It announced Vibe, a new product.");
    assert.equal(text.slice(events[0].start, events[0].end), "It announced Vibe, a new product.");
  });

  it("does not carry across paragraphs, or a year, or further than three sentences", () => {
    assert.deepEqual(read("Mistral moved on 28 May 2026.\nIt acquired Koyeb."), []);
    assert.deepEqual(read("Mistral was founded in 2023. It acquired Koyeb."), []);
    assert.deepEqual(read("Mistral moved in March 2026. One. Two. Three. It acquired Koyeb."), []);
  });

  it("stops carrying at a sentence with a date of its own, even a deadline", () => {
    assert.deepEqual(read("Mistral moved in March 2026. It targets $1 billion by year-end. It acquired Koyeb."), []);
  });
});

describe("extractEvents: what is not an event", () => {
  it("ignores cues inside quotations", () => {
    assert.deepEqual(read('"We signed a partnership with our customers," said Arthur Mensch, who founded Mistral in 2023.'), []);
  });

  it("ignores happenings of a generic group", () => {
    assert.deepEqual(read("Several European rivals have raised large rounds this year.", "2026-07-15"), []);
  });

  it("ignores data centres that are not being built or announced", () => {
    assert.deepEqual(read("In January it began deploying cards in 12 regional data centres.", "2026-04-22"), []);
  });
});

describe("extractEvents: rows", () => {
  it("locates the date expression, summarises the sentence and names its organisations and products", () => {
    const {events, text} = eventsOf("Intro.\nMistral AI acquired Koyeb in Paris on 5 February 2026, Arthur Mensch said.");
    assert.equal(events.length, 1);
    const [event] = events;
    assert.equal(event.event_id, "doc:e0");
    assert.equal(event.sentence_id, "doc:s1");
    assert.equal(text.slice(event.start, event.end), "5 February 2026");
    assert.equal(event.summary, "Mistral AI acquired Koyeb in Paris on 5 February 2026, Arthur Mensch said.");
    assert.deepEqual(event.entities, ["mistral-ai", "koyeb"]);
  });

  it("cuts long summaries at a word boundary", () => {
    const long = `Mistral acquired Koyeb in February 2026 ${"and then it kept on growing ".repeat(10)}fast.`;
    const [event] = eventsOf(long).events;
    assert.ok(event.summary.length <= 201, String(event.summary.length));
    assert.ok(event.summary.endsWith("…"));
    assert.ok(long.startsWith(event.summary.slice(0, -1)));
  });
});
