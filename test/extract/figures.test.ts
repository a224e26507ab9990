import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {extractFigures} from "../../data-loaders/extract/figures.ts";
import type {EntityType, Figure} from "../../data-loaders/types.ts";
import {mentionsOf, parse} from "./documents.ts";

type Names = Record<string, string | [string, EntityType]>;

function figuresOf(text: string, names: Names = {}, published = ""): Figure[] {
  const parsed = parse(text, {published});
  return extractFigures(parsed.document, parsed.sentences, mentionsOf(parsed, names));
}

/** Figures as "text = value unit", the way a reader checks what was found. */
function found(text: string): string[] {
  return figuresOf(text).map((f) => `${f.text} = ${f.value} ${f.unit}`);
}

/** One attribute of every figure, as "text: attribute". */
function field(key: keyof Figure, text: string, names: Names = {}, published = ""): string[] {
  return figuresOf(text, names, published).map((f) => `${f.text}: ${f[key]}`);
}

const MISTRAL: Names = {"Mistral AI": "Mistral AI", Mistral: "Mistral AI"};

describe("extractFigures: money", () => {
  it("reads a currency before the number, with or without a scale word", () => {
    assert.deepEqual(found("It raised €1.7 billion, then $830 million, €132mn, $6bn, €2.1B, £45m, CHF 120 million and US$2.5M."), [
      "€1.7 billion = 1700000000 EUR",
      "$830 million = 830000000 USD",
      "€132mn = 132000000 EUR",
      "$6bn = 6000000000 USD",
      "€2.1B = 2100000000 EUR",
      "£45m = 45000000 GBP",
      "CHF 120 million = 120000000 CHF",
      "US$2.5M = 2500000 USD"
    ]);
  });

  it("reads a currency word after the number", () => {
    assert.deepEqual(found("Voltaris raised 385 million euros; Helsing 5.8 billion euros; a rival nine million dollars; another 45 million pounds."), [
      "385 million euros = 385000000 EUR",
      "5.8 billion euros = 5800000000 EUR",
      "nine million dollars = 9000000 USD",
      "45 million pounds = 45000000 GBP"
    ]);
  });

  it("reads a range as its lower end", () => {
    assert.deepEqual(found("It seeks $5-6 billion."), ["$5-6 billion = 5000000000 USD"]);
  });

  it("does not read pounds of weight, or vague amounts with no number", () => {
    assert.deepEqual(found("Each pack weighs 500 pounds."), []);
    assert.deepEqual(found("Those three have between them raised tens of billions of dollars."), []);
  });
});

describe("extractFigures: quantities", () => {
  it("reads counted nouns, with modifiers between", () => {
    assert.deepEqual(found("The startup now employs 1,000 people, up from 22 employees."), ["1,000 people = 1000 employees", "22 employees = 22 employees"]);
    assert.deepEqual(found("A 44MW data center near Paris with 13,800 NVIDIA GB300 GPUs."), ["44MW = 44 mw", "13,800 NVIDIA GB300 GPUs = 13800 gpus"]);
    assert.deepEqual(found("It has raised at least $3.9 billion across nine rounds."), ["$3.9 billion = 3900000000 USD", "nine rounds = 9 count"]);
    assert.deepEqual(found("The app has recorded 1.2 million downloads and 400,000 monthly active users."), [
      "1.2 million downloads = 1200000 downloads",
      "400,000 monthly active users = 400000 users"
    ]);
    assert.deepEqual(found("It can generate about 1,100 words per second."), ["1,100 words per second = 1100 words_per_second"]);
  });

  it("reads units glued to the number or joined by a hyphen", () => {
    assert.deepEqual(found("Orders grew 40% and margins 3.5 per cent; a 120 MW campus could reach 1.5 GW."), [
      "40% = 40 percent",
      "3.5 per cent = 3.5 percent",
      "120 MW = 120 mw",
      "1.5 GW = 1.5 gw"
    ]);
    assert.deepEqual(found("A card can run a 7-billion-parameter model, says the 140-person start-up with an 85-strong team."), [
      "7-billion-parameter = 7000000000 parameters",
      "140-person = 140 employees",
      "85-strong team = 85 employees"
    ]);
  });

  it("reads headcount written noun first, from the noun to the number", () => {
    assert.deepEqual(found("It started with an initial team of 15 and a workforce of about 300."), ["team of 15 = 15 employees", "workforce of about 300 = 300 employees"]);
  });

  it("counts any plural noun after digits, stopping at the first preposition", () => {
    assert.deepEqual(found("Alpwerk has now installed more than 4,500 robots at 230 sites."), ["4,500 robots = 4500 count", "230 sites = 230 count"]);
    assert.deepEqual(found("The cells survive 4,000 charge cycles; there are 4.2 million sole traders."), [
      "4,000 charge cycles = 4000 count",
      "4.2 million sole traders = 4200000 count"
    ]);
  });

  it("reads a count with a plus as at least that many", () => {
    assert.deepEqual(field("qualifier", "It serves 5,000+ customers."), ["5,000+ customers: at_least"]);
  });

  it("reads counts written around the number", () => {
    assert.deepEqual(found("The app has been downloaded 150 million times."), ["150 million times = 150000000 downloads"]);
  });
});

describe("extractFigures: what is not a figure", () => {
  const traps: [string, string][] = [
    ["years and dates", "It was founded in 2023 and announced on 28 May 2026 that in 2024 customers grew."],
    ["ages", "The three-year-old French startup and a 12-year-old company, run by a 30-year-old."],
    ["durations", "It has spent two years building models and will double its team over the next 18 months."],
    ["ordinals", "It was Tarang's fifth acquisition and the 1st customer of its 2nd fund."],
    ["versions and model names", "Mistral 7B, Mixtral 8x22B, v2.5, GPT-4, Nemotron 4 models, GB300, Model X5 arm, Llama 3 models and version 2.0 users."],
    ["labels", "It is a Tier 3 site, ranked top 10 companies, page 12 of Series 3 filings."],
    ["phone numbers and ids", "Call +41 44 512 38 90; it is registered under HRB 774512 and U72900KA2014PTC081234 with firm reference number 934512."],
    ["rhetorical counts", "Mistral is built on two convictions; those three rivals are three times as large; one company stands out."],
    ["sources, not staff", "The round values it at a premium, according to two people familiar with the terms."],
    ["ratios", "Three in 4 developers tried it."],
    ["codes glued to letters", "It runs on 5G networks with 141GB of memory."]
  ];
  for (const [what, text] of traps) it(`ignores ${what}`, () => assert.deepEqual(found(text), []));
});

describe("extractFigures: metric", () => {
  it("reads valuation, funding round and funding total from cue words", () => {
    assert.deepEqual(
      field("metric", "A €1.7 billion Series C in September 2025, led by ASML, valuing Mistral at €11.7 billion. It has raised at least $3.9 billion across nine rounds."),
      ["€1.7 billion: funding_round", "€11.7 billion: valuation", "$3.9 billion: funding_total", "nine rounds: other"]
    );
    assert.deepEqual(field("metric", "The round values Voltaris at €2.1B. The Series B brings its total funding to roughly €520 million."), [
      "€2.1B: valuation",
      "€520 million: funding_total"
    ]);
  });

  it("gives each cue to the nearest amount, counting amounts before a cue as further away", () => {
    assert.deepEqual(
      field("metric", "In May, Northwind raised $1.2 billion in debt led by Granite Peak Credit and $600 million in new equity, the latter at a $6bn valuation."),
      ["$1.2 billion: debt", "$600 million: equity", "$6bn: valuation"]
    );
    assert.deepEqual(
      field("metric", "The company, which raised $65 million in February in a round led by Peepal Capital, acquired ChatNest, a chatbot maker, in March for about $12 million."),
      ["$65 million: funding_round", "$12 million: other"]
    );
  });

  it("reads revenue, ARR and their targets", () => {
    assert.deepEqual(field("metric", "Revenue doubled to €48 million last year. Its annualised revenue run-rate is $480 million, up from $190 million a year earlier."), [
      "€48 million: revenue",
      "$480 million: arr",
      "$190 million: arr"
    ]);
    assert.deepEqual(
      field("metric", "Its annual recurring revenue reached $400 million, with a target of $1 billion by year-end. It is targeting €1 billion (about $1.17 billion) in revenue for 2026."),
      ["$400 million: arr", "$1 billion: revenue_target", "€1 billion: revenue_target", "$1.17 billion: revenue_target"]
    );
  });

  it("reads debt, investment and capex", () => {
    assert.deepEqual(field("metric", "It closed an $830 million debt and equity deal to build a data center."), ["$830 million: debt"]);
    assert.deepEqual(field("metric", "Voltaris plans to invest up to €600 million by 2028."), ["€600 million: investment"]);
    assert.deepEqual(field("metric", "The company expects capital expenditure of about $1.1 billion."), ["$1.1 billion: capex"]);
  });

  it("takes a quantity's metric from its unit", () => {
    assert.deepEqual(field("metric", "It employs 310 people, runs 13,800 GPUs on 44MW, has 1.2 million downloads, 5 million users and 40 offices."), [
      "310 people: employees",
      "13,800 GPUs: gpus",
      "44MW: power",
      "1.2 million downloads: downloads",
      "5 million users: users",
      "40 offices: other"
    ]);
  });

  it("reads the other side of a comparison as the same metric, in the same unit", () => {
    assert.deepEqual(figuresOf("The company now has 400 staff, up from 90 a year earlier.").map((f) => `${f.text}: ${f.value} ${f.unit} ${f.metric}`), [
      "400 staff: 400 employees employees",
      "90: 90 employees employees"
    ]);
    assert.deepEqual(field("metric", "Annual recurring revenue reached $40m, up from $25m in 2024, and it runs 3,200 GPUs, up from 1,600."), [
      "$40m: arr",
      "$25m: arr",
      "3,200 GPUs: gpus",
      "1,600: gpus"
    ]);
    assert.deepEqual(field("value", "Revenue was $40 million, compared with 25 million a year earlier."), ["$40 million: 40000000", "25 million: 25000000"]);
  });

  it("leaves a compared number alone when its unit is unclear or it is a year", () => {
    assert.deepEqual(found("Revenue was $40 million, up from 25."), ["$40 million = 40000000 USD"]);
    assert.deepEqual(found("It has 120 employees, versus 2023 when it was founded."), ["120 employees = 120 employees"]);
    assert.deepEqual(found("It has 120 employees. Down from 90, said nobody."), ["120 employees = 120 employees"]);
  });

  it("is other when nothing says what the money is", () => {
    assert.deepEqual(field("metric", "The deal, worth about 2.5 billion Swiss francs, is pending."), ["2.5 billion Swiss francs: other"]);
  });
});

describe("extractFigures: qualifier", () => {
  it("reads hedge words right before the figure", () => {
    assert.deepEqual(
      field("qualifier", "It has raised at least $3.9 billion, is valued over $14 billion, employs about 260 people, has more than 4,500 robots and may raise up to £10m."),
      ["$3.9 billion: at_least", "$14 billion: over", "260 people: about", "4,500 robots: over", "£10m: up_to"]
    );
    assert.deepEqual(field("qualifier", "It could grow to up to 1.5 GW. Total funding rose to roughly €520 million."), ["1.5 GW: up_to", "€520 million: about"]);
  });

  it("marks plans and hiring as targets", () => {
    assert.deepEqual(field("qualifier", "Hikari plans to deploy K1 cards in 12 regional data centres. It will use the round to hire 150 engineers."), [
      "12 regional data centres: target",
      "150 engineers: target"
    ]);
    assert.deepEqual(field("unit", "It will use the round to hire 150 engineers."), ["150 engineers: employees"]);
  });

  it("marks targets, unless a hedge word says more", () => {
    assert.deepEqual(
      field("qualifier", "It is targeting revenue of €150 million by year-end and aims to reach 400 employees. It plans to have at least 40,000 GPUs running by year-end."),
      ["€150 million: target", "400 employees: target", "40,000 GPUs: at_least"]
    );
  });

  it("is exact otherwise", () => {
    assert.deepEqual(field("qualifier", "Kumo raised $210 million."), ["$210 million: exact"]);
  });
});

describe("extractFigures: subject", () => {
  const names: Names = {
    ...MISTRAL,
    "Clay": "Clay",
    "ASML": "ASML",
    "HSBC": "HSBC",
    "French Ministry of the Armed Forces": "French Ministry of the Armed Forces",
    "Nvidia": "Nvidia",
    "OpenAI": "OpenAI",
    "ChatNest": "ChatNest",
    "Tarang": "Tarang",
    "Cellmetrics": "Cellmetrics"
  };

  it("is the nearest organisation named before the figure that is not an object", () => {
    assert.deepEqual(field("subject", "Mistral AI's annual recurring revenue reached $400 million, driven by clients like HSBC and the French Ministry of the Armed Forces, with a target of $1 billion.", names), [
      "$400 million: Mistral AI",
      "$1 billion: Mistral AI"
    ]);
    assert.deepEqual(field("subject", "Tarang acquired ChatNest for about $12 million.", names), ["$12 million: ChatNest"], "an acquisition price is about what was bought");
  });

  it("is the document's main organisation when the sentence says 'it' or names no subject", () => {
    const text = "Mistral AI is growing. According to funding data from Clay, it has raised at least $3.9 billion. A €1.7 billion Series C followed. Mistral hired.";
    assert.deepEqual(field("subject", text, names), ["$3.9 billion: Mistral AI", "€1.7 billion: Mistral AI"]);
  });

  it("is the organisation the money went to", () => {
    assert.deepEqual(field("subject", "Nvidia said it would invest up to $100 billion in OpenAI. Mistral AI grows.", names), ["$100 billion: OpenAI"]);
  });

  it("is empty when the sentence is about a generic group", () => {
    assert.deepEqual(field("subject", "Mistral AI grows. European battery start-ups raised €1.3 billion last year, according to Cellmetrics.", names), ["€1.3 billion: "]);
  });
});

describe("extractFigures: period", () => {
  const published = "2026-03-12";

  it("is the nearest date in the sentence, resolved against the publication date", () => {
    assert.deepEqual(field("period", "A €1.7 billion Series C in September 2025, led by ASML, valuing Mistral at €11.7 billion."), [
      "€1.7 billion: 2025-09",
      "€11.7 billion: 2025-09"
    ]);
    assert.deepEqual(field("period", "Revenue doubled to €48 million last year.", {}, published), ["€48 million: 2025"]);
    assert.deepEqual(field("period", "It raised $65 million in February and paid $12 million in March.", {}, published), ["$65 million: 2026-02", "$12 million: 2026-03"]);
  });

  it("does not cross a comparison", () => {
    assert.deepEqual(field("period", "The startup now employs 1,000 people, up from an initial team of 15 that began work in 2023."), ["1,000 people: ", "team of 15: 2023"]);
    assert.deepEqual(field("period", "It employs 310 people, up from 22 employees at the end of 2021."), ["310 people: ", "22 employees: 2021"]);
  });

  it("does not cross an aside", () => {
    assert.deepEqual(field("period", "Mistral AI, a European AI company valued over $14 billion, expanded in February and March 2026."), ["$14 billion: "]);
    assert.deepEqual(field("period", "Ledgerly's app, launched in 2022, has recorded 1.2 million downloads."), ["1.2 million downloads: "]);
    assert.deepEqual(field("period", "In January, the startup cut 10% of its workforce.", {}, published), ["10%: 2026-01"], "an opening phrase is not an aside");
  });

  it("gives a deadline to the figure it follows only", () => {
    assert.deepEqual(field("period", "The company employs about 260 people and aims to reach 400 employees by year-end.", {}, published), [
      "260 people: ",
      "400 employees: 2026"
    ]);
  });

  it("does not cross a semicolon", () => {
    assert.deepEqual(field("period", "Poolside raised $500m; it raised $126 million in 2023."), ["$500m: ", "$126 million: 2023"]);
  });

  it("gives a span of months as its year, and a quarter as a quarter", () => {
    assert.deepEqual(field("period", "It secured $830 million in February and March 2026. Revenue was $50 million in Q3 2025."), [
      "$830 million: 2026",
      "$50 million: 2025-Q3"
    ]);
  });

  it("reads 'now' as the publication year, and as nothing without a publication date", () => {
    assert.deepEqual(field("period", "The company now employs 310 people, up from 22 employees at the end of 2021.", {}, published), [
      "310 people: 2026",
      "22 employees: 2021"
    ]);
    assert.deepEqual(field("period", "It now employs 1,000 people."), ["1,000 people: "]);
  });

  it("is empty without a date", () => {
    assert.deepEqual(field("period", "It employs 1,000 people.", {}, published), ["1,000 people: "]);
  });
});

describe("extractFigures: conversions", () => {
  it("points a conversion at the figure it converts and shares its reading", () => {
    const figures = figuresOf("It is targeting €1 billion (about $1.17 billion) in revenue for 2026. It raised 600 million euros ($645 million).", MISTRAL);
    assert.deepEqual(
      figures.map((f) => `${f.figure_id} ${f.text} ${f.metric} ${f.qualifier} ${f.period} → ${f.equivalent_of}`),
      [
        "doc:f0 €1 billion revenue_target target 2026 → ",
        "doc:f1 $1.17 billion revenue_target about 2026 → doc:f0",
        "doc:f2 600 million euros funding_round exact  → ",
        "doc:f3 $645 million funding_round exact  → doc:f2"
      ]
    );
  });

  it("allows a word between the amount and its bracket", () => {
    assert.deepEqual(field("equivalent_of", "The €385 million round (about $420 million) was led by Northgate."), ["€385 million: ", "$420 million: doc:f0"]);
  });

  it("does not link two amounts in the same currency, or unrelated amounts", () => {
    assert.deepEqual(field("equivalent_of", "It raised $5 million ($3 million in equity). It spent €2m and $3m."), [
      "$5 million: ",
      "$3 million: ",
      "€2m: ",
      "$3m: "
    ]);
  });
});

describe("extractFigures: instrument", () => {
  it("names the instrument of a funding figure", () => {
    assert.deepEqual(
      field("instrument", "It closed an $830 million debt and equity deal. It raised $1.2 billion in debt and $600 million in new equity. It issued $50m of convertible notes."),
      ["$830 million: debt and equity", "$1.2 billion: debt", "$600 million: equity", "$50m: convertible notes"]
    );
  });

  it("is empty when none is named, or for other metrics", () => {
    assert.deepEqual(field("instrument", "It raised £45m in a Series A round. Revenue reached £9.5m, with no debt."), ["£45m: ", "£9.5m: "]);
  });
});

describe("extractFigures: rows", () => {
  it("numbers figures in text order and points them into the document", () => {
    const text = "Intro line.\nMistral raised €1.7 billion and employs 1,000 people.";
    const figures = figuresOf(text, MISTRAL);
    assert.deepEqual(figures.map((f) => [f.figure_id, f.sentence_id, f.doc_id]), [
      ["doc:f0", "doc:s1", "doc"],
      ["doc:f1", "doc:s1", "doc"]
    ]);
    for (const f of figures) assert.equal(text.slice(f.start, f.end), f.text);
    assert.deepEqual(figures.map((f) => [f.value_usd, f.value_eur]), [[null, null], [null, null]]);
  });

  it("reads every figure of a table flattened into one long sentence", () => {
    const text = Array.from({length: 2000}, (_, i) => `in ${2000 + (i % 40)}, revenue was $${i}m, 30 robots, valued at, raised`).join(", ");
    const figures = figuresOf(text);
    assert.equal(figures.length, 4000);
    assert.equal(figures.filter((f) => f.unit === "USD").length, 2000);
  });

  it("is empty for a text without numbers", () => {
    assert.deepEqual(found("Mistral is building a sovereign AI stack."), []);
  });
});
