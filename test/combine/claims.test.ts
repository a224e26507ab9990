import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {buildClaims, periodsCompatible} from "../../data-loaders/combine/claims.ts";
import type {Figure} from "../../data-loaders/types.ts";

function figure(doc_id: string, overrides: Partial<Figure>): Figure {
  return {
    figure_id: `${doc_id}:f${overrides.start ?? 0}`,
    doc_id,
    sentence_id: `${doc_id}:s0`,
    start: 0,
    end: 10,
    text: "",
    value: 1_000_000_000,
    unit: "EUR",
    metric: "valuation",
    qualifier: "exact",
    subject: "Example",
    period: "",
    value_usd: null,
    value_eur: null,
    equivalent_of: "",
    instrument: "",
    ...overrides
  };
}

describe("buildClaims", () => {
  it("corroborates the same amount from two documents and conflicts on different amounts", () => {
    const agree = buildClaims([figure("a", {period: "2026-03"}), figure("b", {period: "2026"})]);
    assert.equal(agree.length, 1);
    assert.equal(agree[0].status, "corroborated");
    assert.deepEqual(agree[0].doc_ids, ["a", "b"]);
    const disagree = buildClaims([figure("a", {period: "2026-03"}), figure("b", {period: "2026-03", value: 1_300_000_000})]);
    assert.equal(disagree.length, 1);
    assert.equal(disagree[0].status, "conflicting");
    assert.match(disagree[0].note, /different amount/);
  });

  it("names each source's amount once in the note, however often the source repeats it", () => {
    const [claim] = buildClaims([
      figure("a", {period: "2026", start: 0}),
      figure("a", {period: "2026", start: 40}),
      figure("b", {period: "2026", value: 1_300_000_000})
    ]);
    assert.equal(claim.figure_ids.length, 3, "every figure stays in the claim");
    const statements = claim.note.replace(/^different amount: /, "").split(" vs ");
    assert.equal(statements.length, 2);
    assert.ok(statements[0].endsWith("(a)") && statements[1].endsWith("(b)"), claim.note);
  });

  it("keeps a figure from one document as a single source", () => {
    const [claim] = buildClaims([figure("a", {period: "2025"})]);
    assert.equal(claim.status, "single_source");
  });

  it("leaves currency conversions printed beside an amount out of the claim", () => {
    const claims = buildClaims([
      figure("a", {period: "2025-09", figure_id: "a:f0"}),
      figure("a", {period: "2025-09", figure_id: "a:f1", unit: "USD", value: 1_170_000_000, equivalent_of: "a:f0"})
    ]);
    assert.deepEqual(claims.map((claim) => claim.figure_ids), [["a:f0"]]);
  });

  it("treats a lower bound as agreeing with any larger amount", () => {
    const [claim] = buildClaims([
      figure("a", {period: "2026", value: 300, unit: "employees", metric: "employees", qualifier: "over"}),
      figure("b", {period: "2026", value: 310, unit: "employees", metric: "employees"})
    ]);
    assert.equal(claim.status, "corroborated");
  });

  it("joins an undated figure to a dated one only when the amounts match, unless it is a snapshot from that month", () => {
    const dated = figure("b", {period: "2023", metric: "employees", unit: "employees", value: 15});
    const undatedHeadcount = figure("a", {metric: "employees", unit: "employees", value: 1000});
    assert.equal(buildClaims([undatedHeadcount, dated]).length, 2);

    const undatedValuation = figure("a", {value: 2_100_000_000});
    const datedValuation = figure("b", {period: "2026-03", value: 2_400_000_000});
    assert.equal(buildClaims([undatedValuation, datedValuation]).length, 2, "without publication dates nothing ties them");
    const claims = buildClaims([undatedValuation, datedValuation], new Map([["a", "2026-03-12"], ["b", "2026-03-13"]]));
    assert.equal(claims.length, 1);
    assert.equal(claims[0].status, "conflicting");
    const published = buildClaims([undatedValuation, datedValuation], new Map([["a", "2025-11-02"]]));
    assert.equal(published.length, 2, "a valuation published months earlier is a different fact");
  });

  it("does not treat an undated revenue figure as a snapshot", () => {
    const claims = buildClaims(
      [figure("a", {metric: "revenue", value: 48_000_000}), figure("b", {metric: "revenue", period: "2026-03", value: 60_000_000})],
      new Map([["a", "2026-03-12"]])
    );
    assert.equal(claims.length, 2);
  });

  it("gives distinct ids to separate claims about the same metric, subject and period", () => {
    const claims = buildClaims([figure("a", {metric: "revenue", value: 1}), figure("a", {metric: "revenue", value: 2, start: 40})]);
    assert.equal(claims.length, 2);
    assert.equal(new Set(claims.map((claim) => claim.claim_id)).size, 2);
  });
});

describe("periodsCompatible", () => {
  it("accepts containment and an empty period, rejects different periods", () => {
    assert.ok(periodsCompatible("2026", "2026-03"));
    assert.ok(periodsCompatible("", "2026-03"));
    assert.ok(!periodsCompatible("2025", "2026-03"));
  });
});
