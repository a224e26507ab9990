import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {TABLE_NAMES, type TableName} from "../../data-loaders/tables/schema.ts";
import {evaluateCorpus, type GoldDocument, readGold, scoreTables} from "./score.ts";
import {EVALUATION_SETS} from "./sets.ts";

// The targets the extraction is held to (docs/extraction-quality.md), checked against the hand annotations.
const TARGETS = {figurePrecision: 0.95, figureRecall: 0.95, metricAccuracy: 0.9, entityRecall: 0.9, eventRecall: 0.9};

describe("extraction quality against the hand annotations", () => {
  for (const set of EVALUATION_SETS.filter((candidate) => candidate.gated)) {
    it(`meets the targets on ${set.name}`, async () => {
      const gold = await readGold(set.gold);
      const {figures, entities, events, errors} = await evaluateCorpus(set.corpus, gold);
      const report = errors.join("\n");
      assert.ok(figures.precision >= TARGETS.figurePrecision, `figure precision ${figures.precision}\n${report}`);
      assert.ok(figures.recall >= TARGETS.figureRecall, `figure recall ${figures.recall}\n${report}`);
      assert.ok(figures.metricAccuracy >= TARGETS.metricAccuracy, `metric accuracy ${figures.metricAccuracy}\n${report}`);
      assert.ok(entities.recall >= TARGETS.entityRecall, `entity recall ${entities.recall}\n${report}`);
      assert.ok(events.recall >= TARGETS.eventRecall, `event recall ${events.recall}\n${report}`);
    });
  }
});

describe("the scorer", () => {
  it("counts a missed figure, a spurious one and a wrong metric", () => {
    const gold: GoldDocument[] = [{doc_id: "a", figures: [
      {text: "€10 million", value: 10000000, unit: "EUR", metric: "funding_round", qualifier: "exact"},
      {text: "200 people", value: 200, unit: "employees", metric: "employees", qualifier: "exact"}
    ], entities: [], events: []}];
    const text = "It raised €10 million. It has 200 people and 3 offices.";
    const figures = [
      "figure_id,doc_id,sentence_id,start,end,text,value,unit,metric,qualifier,subject,period,value_usd,value_eur,equivalent_of",
      `a:f0,a,a:s0,10,21,€10 million,10000000,EUR,revenue,exact,,,,,`,
      `a:f1,a,a:s1,41,49,3 offices,3,count,other,exact,,,,,`
    ].join("\n");
    const tables = Object.fromEntries(TABLE_NAMES.map((name) => [name, "doc_id\n"])) as Record<TableName, string>;
    tables["figures.csv"] = figures;
    const evaluation = scoreTables(tables, gold, new Map([["a", text]]));
    assert.equal(evaluation.figures.gold, 2);
    assert.equal(evaluation.figures.predicted, 2);
    assert.equal(evaluation.figures.precision, 0.5);
    assert.equal(evaluation.figures.recall, 0.5);
    assert.equal(evaluation.figures.metricAccuracy, 0);
  });
});
