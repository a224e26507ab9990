import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {parseNumber, parseNumberExpression, scaled, scaleOf} from "../../data-loaders/extract/numbers.ts";

describe("parseNumberExpression", () => {
  const cases: [string, number][] = [
    ["1,000", 1000],
    ["13,800", 13800],
    ["1.7", 1.7],
    ["400", 400],
    ["3.9bn", 3_900_000_000],
    ["132mn", 132_000_000],
    ["6bn", 6_000_000_000],
    ["2.1B", 2_100_000_000],
    ["45m", 45_000_000],
    ["5.8 billion", 5_800_000_000],
    ["1.2 million", 1_200_000],
    ["1.7 Billion", 1_700_000_000],
    ["3 trillion", 3_000_000_000_000],
    ["2 tn", 2_000_000_000_000],
    ["10 thousand", 10_000],
    ["nine", 9],
    ["Nine", 9],
    ["twenty-five", 25],
    ["twenty five", 25],
    ["two hundred", 200],
    ["a dozen", 12],
    ["nine million", 9_000_000]
  ];
  for (const [text, value] of cases) {
    it(`reads "${text}" as ${value}`, () => assert.equal(parseNumberExpression(text), value));
  }

  it("refuses what is not a number expression", () => {
    for (const text of ["", "abc", "1,00", "12,34,567", "nine-ish", "tens", "v2.5", "1.7 bananas"]) assert.equal(parseNumberExpression(text), null, text);
  });
});

describe("parseNumber", () => {
  it("reads digits with separators and number words; NaN for anything else", () => {
    assert.equal(parseNumber("1,234,567.5"), 1234567.5);
    assert.equal(parseNumber("ninety-nine"), 99);
    assert.equal(parseNumber("three hundred"), 300);
    assert.ok(Number.isNaN(parseNumber("lots")));
  });
});

describe("scaleOf and scaled", () => {
  it("knows scale words in any case and one-letter scales as written", () => {
    assert.equal(scaleOf("bn"), 1e9);
    assert.equal(scaleOf("Million"), 1e6);
    assert.equal(scaleOf("M"), 1e6);
    assert.equal(scaleOf("k"), 1e3);
    assert.equal(scaleOf(undefined), 1);
    assert.equal(scaleOf("dozen"), 1);
  });

  it("multiplies without binary noise", () => {
    assert.notEqual(1.005 * 1e9, 1_005_000_000, "the trap this guards against");
    assert.equal(scaled(1.005, 1e9), 1_005_000_000);
    assert.equal(scaled(1.7, 1e9), 1_700_000_000);
    assert.equal(scaled(1.17, 1e9), 1_170_000_000);
    assert.equal(scaled(9.5, 1e6), 9_500_000);
    assert.equal(scaled(0.5, 1), 0.5);
  });
});
