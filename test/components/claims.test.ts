import assert from "node:assert/strict";
import {describe, it} from "node:test";
// Browser JavaScript without type declarations and without imports, so Node runs it as is.
const {claimFigures, matrixSlice, rankClaims} = await import(new URL("../../src/components/claims.js", import.meta.url).href);

interface ClaimRow {
  claim_id: string;
  period: string;
  doc_ids: string;
  figure_ids?: string;
}

const claim = (claim_id: string, period: string, docs: string[]): ClaimRow => ({claim_id, period, doc_ids: docs.join("|")});

describe("choosing which claims a page lists", () => {
  it("puts the claims the most articles state first, then the most recent", () => {
    const claims = [claim("a", "2024", ["d1", "d2"]), claim("b", "2026", ["d1", "d2"]), claim("c", "2023", ["d1", "d2", "d3"]), claim("d", "", ["d4", "d5"])];
    assert.deepEqual(rankClaims(claims).map((c: ClaimRow) => c.claim_id), ["c", "b", "a", "d"]);
    assert.deepEqual(claims.map((c) => c.claim_id), ["a", "b", "c", "d"], "the input keeps its order");
  });

  it("cites each article once per amount it states", () => {
    const figures = new Map([
      ["d1:f1", {figure_id: "d1:f1", doc_id: "d1", value: 5, unit: "EUR"}],
      ["d1:f2", {figure_id: "d1:f2", doc_id: "d1", value: 5, unit: "EUR"}],
      ["d1:f3", {figure_id: "d1:f3", doc_id: "d1", value: 6, unit: "EUR"}],
      ["d2:f1", {figure_id: "d2:f1", doc_id: "d2", value: 5, unit: "EUR"}]
    ]);
    const row = {...claim("a", "2026", ["d1", "d2"]), figure_ids: "d1:f1|d1:f2|d1:f3|d2:f1|missing:f9"};
    assert.deepEqual(claimFigures(row, figures).map((f: {figure_id: string}) => f.figure_id), ["d1:f1", "d1:f3", "d2:f1"]);
  });
});

describe("slicing the claims matrix", () => {
  it("keeps every article as a column while they fit", () => {
    const claims = [claim("a", "2026", ["d2", "d3"])];
    const {claims: shown, sources} = matrixSlice(claims, ["d1", "d2", "d3"], {claims: 5, sources: 3});
    assert.deepEqual(shown.map((c: ClaimRow) => c.claim_id), ["a"]);
    assert.deepEqual(sources, ["d1", "d2", "d3"], "a silent article still has its column");
  });

  it("over a large corpus, draws the most-stated claims and the articles that state most of them, in corpus order", () => {
    const documents = Array.from({length: 10}, (_, i) => `d${i}`);
    const claims = [
      claim("wide", "2026", ["d9", "d1", "d5"]),
      claim("pair", "2026", ["d9", "d4"]),
      claim("other", "2025", ["d2", "d3"]),
      claim("least", "2020", ["d7", "d8"])
    ];
    const {claims: shown, sources} = matrixSlice(claims, documents, {claims: 2, sources: 3});
    assert.deepEqual(shown.map((c: ClaimRow) => c.claim_id), ["wide", "pair"]);
    // d9 states both shown claims; d1, d4 and d5 one each, and the earliest in the corpus wins the tie.
    assert.deepEqual(sources, ["d1", "d4", "d9"]);
  });
});
