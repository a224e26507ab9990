import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {findDates, referenceDate} from "../../data-loaders/extract/dates.ts";
import {parse} from "./documents.ts";

/** Dates as "expression = value (precision)", with "~" when resolved against the reference and "by" for deadlines. */
function read(text: string, reference = ""): string[] {
  return findDates(text, 0, reference).map(
    (date) => `${text.slice(date.start, date.end)} = ${date.value} (${date.precision})${date.explicit ? "" : " ~"}${date.deadline ? " by" : ""}`
  );
}

describe("findDates: explicit dates", () => {
  it("reads days in either order", () => {
    assert.deepEqual(read("It made its move on 28 May 2026."), ["28 May 2026 = 2026-05-28 (day)"]);
    assert.deepEqual(read("On May 28, 2026, it said"), ["May 28, 2026 = 2026-05-28 (day)"]);
    assert.deepEqual(read("filed on 2026-03-11"), ["2026-03-11 = 2026-03-11 (day)"]);
    assert.deepEqual(read("on the 3rd March 2025"), ["3rd March 2025 = 2025-03-03 (day)"]);
  });

  it("reads months, abbreviated or not", () => {
    assert.deepEqual(read("A €1.7 billion Series C in September 2025, led by ASML"), ["September 2025 = 2025-09 (month)"]);
    assert.deepEqual(read("an $830 million round in March 2026"), ["March 2026 = 2026-03 (month)"]);
    assert.deepEqual(read("in Sept. 2024"), ["Sept. 2024 = 2024-09 (month)"]);
  });

  it("reads years on their own", () => {
    assert.deepEqual(read("its first customer, BNP Paribas, in 2023"), ["2023 = 2023 (year)"]);
    assert.deepEqual(read("in mid-2025, in FY2024 and fiscal 2023"), ["2025 = 2025 (year)", "2024 = 2024 (year)", "2023 = 2023 (year)"]);
  });

  it("reads quarters", () => {
    assert.deepEqual(read("Q3 2025 results"), ["Q3 2025 = 2025-Q3 (quarter)"]);
    assert.deepEqual(read("in the third quarter of 2024"), ["third quarter of 2024 = 2024-Q3 (quarter)"]);
    assert.deepEqual(read("third-quarter 2024 sales"), ["third-quarter 2024 = 2024-Q3 (quarter)"]);
    assert.deepEqual(read("profitable since the fourth quarter of 2025"), ["fourth quarter of 2025 = 2025-Q4 (quarter)"]);
  });

  it("reads a span of months as its quarter, keeping each month", () => {
    const [span] = findDates("in February and March 2026.", 0, "");
    assert.equal(span.value, "2026-Q1");
    assert.equal(span.precision, "quarter");
    assert.deepEqual(span.months, ["2026-02", "2026-03"]);
  });

  it("reads a span across quarters as its year", () => {
    assert.deepEqual(read("between February and April 2026"), ["February and April 2026 = 2026 (year)"]);
  });

  it("gives offsets into the document when told where the text starts", () => {
    const [date] = findDates("in 2023", 100, "");
    assert.deepEqual([date.start, date.end], [103, 107]);
  });
});

describe("findDates: relative dates", () => {
  const published = "2026-03-12"; // a Thursday

  it("resolves years against the reference", () => {
    assert.deepEqual(read("Revenue doubled last year; this year; next year", published), [
      "last year = 2025 (year) ~",
      "this year = 2026 (year) ~",
      "next year = 2027 (year) ~"
    ]);
    assert.deepEqual(read("up from $190 million a year earlier", published), ["a year earlier = 2025 (year) ~"]);
    assert.deepEqual(read("where software was 15 years ago", published), ["15 years ago = 2011 (year) ~"]);
  });

  it("marks deadlines", () => {
    assert.deepEqual(read("revenue of €150 million by year-end", published), ["year-end = 2026 (year) ~ by"]);
    assert.deepEqual(read("by the end of the year", published), ["the end of the year = 2026 (year) ~ by"]);
    assert.deepEqual(read("up to €600 million by 2028", published), ["2028 = 2028 (year) by"]);
    assert.deepEqual(read("fully funded through 2027"), ["2027 = 2027 (year) by"]);
    assert.deepEqual(read("a run-rate of $100 million by March 2027"), ["March 2027 = 2027-03 (month) by"]);
  });

  it("reads a month without a year in the reference year, after a preposition only", () => {
    assert.deepEqual(read("In May, Northwind raised $1.2 billion", "2026-06-10"), ["May = 2026-05 (month) ~"]);
    assert.deepEqual(read("Prices may rise in March.", "2026-06-10"), ["March = 2026-03 (month) ~"]);
    assert.deepEqual(read("in mid-May", "2026-06-10"), ["May = 2026-05 (month) ~"]);
    assert.deepEqual(read("The May 2026 survey; it may fall.", "2026-06-10"), ["May 2026 = 2026-05 (month)"]);
  });

  it("reads a day without a year in the reference year", () => {
    assert.deepEqual(read("Mistral's conference on 28 May was a bet", "2026"), ["28 May = 2026-05-28 (day) ~"]);
  });

  it("resolves months and quarters", () => {
    assert.deepEqual(read("last month and next month", "2026-01-15"), ["last month = 2025-12 (month) ~", "next month = 2026-02 (month) ~"]);
    assert.deepEqual(read("in the third quarter", published), ["third quarter = 2026-Q3 (quarter) ~"]);
    assert.deepEqual(read("In the third quarter of last year Alpwerk acquired GripTec", published), ["third quarter of last year = 2025-Q3 (quarter) ~"]);
    assert.deepEqual(read("last quarter", published), ["last quarter = 2025-Q4 (quarter) ~"]);
  });

  it("reads a week as its month", () => {
    assert.deepEqual(read("the Series B round it announced this week", "2026-03-13"), ["this week = 2026-03 (month) ~"]);
    assert.deepEqual(read("it said last week", "2026-04-03"), ["last week = 2026-03 (month) ~"]);
  });

  it("resolves weekdays to the latest such day on or before the reference day", () => {
    assert.deepEqual(read("the company said on Wednesday", published), ["Wednesday = 2026-03-11 (day) ~"]);
    assert.deepEqual(read("it said on Thursday", published), ["Thursday = 2026-03-12 (day) ~"]);
    assert.deepEqual(read("it will meet next Monday", published), ["Monday = 2026-03-16 (day) ~"]);
    assert.deepEqual(read("on Mondays", published), []);
    assert.deepEqual(read("said on Wednesday", "2026"), [], "needs a reference day");
  });

  it("counts 'later' from the sentence's previous date", () => {
    assert.deepEqual(read("spun out in 2014 and signed its first customer two years later", published), ["2014 = 2014 (year)", "two years later = 2016 (year)"]);
    assert.deepEqual(read("two years later", published), [], "nothing to count from");
  });

  it("leaves relative dates out without a reference", () => {
    assert.deepEqual(read("last year, in March, this month"), []);
  });
});

describe("findDates: not dates", () => {
  it("ignores amounts, counts, ids and decades", () => {
    assert.deepEqual(read("13,800 GPUs, 2,025 people, $2025, €2030m, the 2020s, U72900KA2014PTC081234, HRB 774512, +41 44 512 38 90"), []);
  });

  it("ignores 'may' the verb and impossible days", () => {
    assert.deepEqual(read("Revenue may double."), []);
    assert.deepEqual(read("31 February 2026"), ["February 2026 = 2026-02 (month)"]);
  });
});

describe("referenceDate", () => {
  it("is the publication date when there is one", () => {
    const {document, sentences} = parse("Revenue doubled in 2019.", {published: "2026-03-12"});
    assert.equal(referenceDate(document, sentences), "2026-03-12");
  });

  it("is the latest date the text states, else", () => {
    const {document, sentences} = parse("It was founded in 2023. It expanded in February and March 2026. It targets $1 billion by year-end.");
    assert.equal(referenceDate(document, sentences), "2026-03");
  });

  it("leaves out deadlines and relative dates", () => {
    const {document, sentences} = parse("It raised money in September 2025 and aims to triple revenue by 2030. It grew last year.");
    assert.equal(referenceDate(document, sentences), "2025-09");
  });

  it("is empty when the text states no date", () => {
    const {document, sentences} = parse("Mistral is building a sovereign AI stack.");
    assert.equal(referenceDate(document, sentences), "");
  });
});
