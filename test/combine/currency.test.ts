import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {impliedRates, normaliseMoney, readRates, timeOf} from "../../data-loaders/combine/currency.ts";
import type {Figure, Unit} from "../../data-loaders/types.ts";

let counter = 0;
function figure(value: number, unit: Unit, period = "", equivalent_of = "", figure_id = `d:f${counter++}`): Figure {
  return {
    figure_id,
    doc_id: figure_id.split(":")[0],
    sentence_id: `${figure_id.split(":")[0]}:s0`,
    start: 0,
    end: 0,
    text: "",
    value,
    unit,
    metric: "other",
    qualifier: "exact",
    subject: "",
    period,
    value_usd: null,
    value_eur: null,
    equivalent_of,
    instrument: ""
  };
}

const RATES = readRates(
  [
    "currency,year,usd_per_unit,source,method",
    "EUR,2024,1.08,test,test",
    "EUR,2025,1.13,test,test",
    "GBP,2024,1.28,test,test",
    "GBP,2025,1.32,test,test",
    "CHF,2025,1.2,test,test"
  ].join("\n")
);

/** Figures as "value unit → usd USD, eur EUR". */
function read(figures: Figure[]): string[] {
  return normaliseMoney(figures, RATES).map((f) => `${f.value} ${f.unit} → ${f.value_usd} USD, ${f.value_eur} EUR`);
}

describe("normaliseMoney", () => {
  it("prefers the rate the corpus implies: €1 billion (about $1.17 billion)", () => {
    const primary = figure(1_000_000_000, "EUR", "2026", "", "a:f0");
    const conversion = figure(1_170_000_000, "USD", "2026", "a:f0", "a:f1");
    const other = figure(100_000_000, "EUR", "2026-03", "", "b:f0");
    assert.deepEqual(read([primary, conversion, other]), [
      "1000000000 EUR → 1170000000 USD, 1000000000 EUR",
      "1170000000 USD → 1170000000 USD, 1000000000 EUR",
      "100000000 EUR → 117000000 USD, 100000000 EUR"
    ]);
  });

  it("uses the implied rate nearest in time, the median of equally near ones", () => {
    const figures = [
      figure(100, "EUR", "2025-01", "", "a:f0"),
      figure(110, "USD", "", "a:f0", "a:f1"),
      figure(100, "EUR", "2026-01", "", "b:f0"),
      figure(120, "USD", "", "b:f0", "b:f1"),
      figure(100, "EUR", "2026-01", "", "c:f0"),
      figure(116, "USD", "", "c:f0", "c:f1"),
      figure(1000, "EUR", "2025-02"),
      figure(1000, "EUR", "2026-02")
    ];
    assert.deepEqual(read(figures).slice(-2), ["1000 EUR → 1100 USD, 1000 EUR", "1000 EUR → 1180 USD, 1000 EUR"]);
  });

  it("falls back to the published rate of the figure's year, or the nearest year, or the latest when undated", () => {
    assert.deepEqual(read([figure(1_000_000, "EUR", "2024-06"), figure(1_000_000, "GBP", "2019"), figure(1_000_000, "GBP", "")]), [
      "1000000 EUR → 1080000 USD, 1000000 EUR",
      "1000000 GBP → 1280000 USD, 1185185 EUR",
      "1000000 GBP → 1320000 USD, 1168142 EUR"
    ]);
  });

  it("ignores an implied rate more than a year away, or far off the published one", () => {
    const figures = [
      figure(100, "EUR", "2020", "", "a:f0"),
      figure(150, "USD", "", "a:f0", "a:f1"),
      figure(100, "EUR", "2025", "", "b:f0"),
      figure(300, "USD", "", "b:f0", "b:f1"),
      figure(1000, "EUR", "2025")
    ];
    assert.deepEqual(read(figures).at(-1), "1000 EUR → 1130 USD, 1000 EUR");
  });

  it("reads a rate from a pair between two other currencies through the dollar", () => {
    const figures = [figure(100, "CHF", "2025", "", "a:f0"), figure(105, "EUR", "2025", "a:f0", "a:f1")];
    const [rate] = impliedRates(figures, RATES).get("CHF")!;
    assert.equal(rate.usd.toFixed(4), (1.05 * 1.13).toFixed(4));
  });

  it("converts between pounds, francs and euros through the dollar", () => {
    assert.deepEqual(read([figure(45_000_000, "GBP", "2025"), figure(120_000_000, "CHF", "2025")]), [
      "45000000 GBP → 59400000 USD, 52566372 EUR",
      "120000000 CHF → 144000000 USD, 127433628 EUR"
    ]);
  });

  it("leaves quantities alone", () => {
    const [people] = normaliseMoney([figure(1000, "employees", "2026")], RATES);
    assert.deepEqual([people.value_usd, people.value_eur], [null, null]);
  });

  it("does not depend on the order of the figures, nor change them", () => {
    const figures = [
      figure(100, "EUR", "2026", "", "a:f0"),
      figure(117, "USD", "2026", "a:f0", "a:f1"),
      figure(100, "EUR", "2026", "", "b:f0"),
      figure(119, "USD", "2026", "b:f0", "b:f1"),
      figure(5_000_000, "EUR", "2026-05"),
      figure(7_000_000, "GBP", "")
    ];
    const byId = (list: Figure[]) => Object.fromEntries(list.map((f) => [f.figure_id, [f.value_usd, f.value_eur]]));
    const forward = byId(normaliseMoney(figures, RATES));
    const backward = byId(normaliseMoney([...figures].reverse(), RATES));
    assert.deepEqual(forward, backward);
    assert.equal(figures[4].value_usd, null);
  });

  it("works with the rates table shipped in lexicons/rates.csv", () => {
    const [euros] = normaliseMoney([figure(1_000_000, "EUR", "2023")]);
    assert.ok(euros.value_usd! > 1_000_000 && euros.value_usd! < 1_200_000, String(euros.value_usd));
  });
});

describe("timeOf", () => {
  it("places periods of any precision at their middle", () => {
    assert.equal(timeOf("2026"), 2026.5);
    assert.equal(timeOf("2026-Q1"), 2026.125);
    assert.equal(timeOf("2026-01")!.toFixed(4), (2026 + 0.5 / 12).toFixed(4));
    assert.equal(timeOf(""), null);
  });
});
