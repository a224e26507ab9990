import assert from "node:assert/strict";
import {describe, it} from "node:test";
// Browser JavaScript without type declarations and without imports, so Node runs it as is.
const {formatAmount, formatPeriod} = await import(new URL("../../src/components/format.js", import.meta.url).href);

describe("formatting figures for prose and tips", () => {
  it("names periods as readers write them, the same way on every call", () => {
    const periods = ["2026-03", "2026-Q1", "2026", "2026-03-05", ""];
    const expected = ["March 2026", "Q1 2026", "2026", "5 March 2026", "undated"];
    assert.deepEqual(periods.map(formatPeriod), expected);
    assert.deepEqual(periods.map(formatPeriod), expected, "a second call gives the same labels");
  });

  it("writes amounts compactly in their unit", () => {
    assert.equal(formatAmount(1_700_000_000, "EUR"), "€1.7 billion");
    assert.equal(formatAmount(13_800, "gpus"), "13,800 GPUs");
    assert.equal(formatAmount(44, "mw"), "44 MW");
    assert.equal(formatAmount(null, "USD"), "–");
  });
});
