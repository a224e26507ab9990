import assert from "node:assert/strict";
import {describe, it} from "node:test";
// Browser JavaScript without type declarations and without imports, so Node runs it as is.
const {distinctAmounts, mostCounted} = await import(new URL("../../src/components/select.js", import.meta.url).href);

interface Row {
  doc_id: string;
  metric: string;
  period: string;
  unit: string;
  value_eur: number;
  amount?: number;
  converted?: boolean;
  articles?: number;
}

const figure = (doc_id: string, overrides: Partial<Row> = {}): Row => ({doc_id, metric: "valuation", period: "2025-09", unit: "EUR", value_eur: 11.7e9, ...overrides});

describe("the amounts a money chart draws", () => {
  it("draws an amount several articles state once, counting the articles", () => {
    const rows: Row[] = distinctAmounts([figure("a"), figure("b"), figure("b"), figure("c", {value_eur: 6e9})], "value_eur", "EUR");
    assert.deepEqual(
      rows.map(({doc_id, amount, articles}) => [doc_id, amount, articles]),
      [["a", 11.7e9, 2], ["c", 6e9, 1]]
    );
  });

  it("keeps apart the same amount for another metric, another period, or converted from another currency", () => {
    const rows: Row[] = distinctAmounts(
      [figure("a"), figure("b", {metric: "funding_total"}), figure("c", {period: "2025"}), figure("d", {unit: "USD"})],
      "value_eur",
      "EUR"
    );
    assert.equal(rows.length, 4);
    assert.deepEqual(rows.map((row) => row.converted), [false, false, false, true]);
  });
});

describe("the articles a chart has room for", () => {
  it("keeps every article while they fit", () => {
    assert.deepEqual(mostCounted(new Map([["b", 3]]), ["a", "b", "c"], 3), ["a", "b", "c"]);
  });

  it("keeps the most counted, the earlier first on a tie, in the given order", () => {
    const counts = new Map([["d", 9], ["a", 1], ["c", 4], ["b", 4], ["x", 99]]);
    assert.deepEqual(mostCounted(counts, ["a", "b", "c", "d", "e"], 3), ["b", "c", "d"], "an id outside the order is left out");
  });
});
