import assert from "node:assert/strict";
import {mkdir, mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, describe, it} from "node:test";
import {csvParse} from "d3-dsv";
import {pageSample} from "../../data-loaders/combine/pageSample.ts";
import {runPipeline} from "../../data-loaders/pipeline.ts";
import {tablesText} from "../support/tables.ts";
import type {DocumentRow} from "../../data-loaders/tables/schema.ts";
import type {Entity} from "../../data-loaders/types.ts";

const row = (doc_id: string, reference_date: string) => ({doc_id, reference_date}) as DocumentRow;
const organisation = (name: string, mentions: number, documents: string[]): Entity => ({
  entity_id: name.toLowerCase(), name, type: "organization", aliases: [], documents, mentions
});

describe("pageSample", () => {
  const documents = [row("a", "2024-01-01"), row("b", "2025-06-01"), row("c", "2023-03-01"), row("d", "2025-01-01")];

  it("takes every document when there are no more than the limit", () => {
    assert.deepEqual(pageSample(documents, [], 4), {documents: ["a", "b", "c", "d"], total: 4, focus: null});
  });

  it("takes the newest documents naming the most-named organisation, then the newest others", () => {
    const entities = [organisation("Acme", 9, ["a", "c"]), organisation("Beta", 3, ["b", "d"])];
    assert.deepEqual(pageSample(documents, entities, 1), {documents: ["a"], total: 4, focus: "Acme"});
    assert.deepEqual(pageSample(documents, entities, 3), {documents: ["a", "b", "c"], total: 4, focus: "Acme"});
  });

  it("takes the newest documents when no organisation is named", () => {
    assert.deepEqual(pageSample(documents, [], 2), {documents: ["b", "d"], total: 4, focus: null});
  });
});

describe("the page tables over a sample", () => {
  let corpus: string;
  before(async () => {
    corpus = await mkdtemp(join(tmpdir(), "page-sample-"));
    await mkdir(corpus, {recursive: true});
    const article = (date: string, amount: number) => `---\npublished: ${date}\n---\nAcme Robotics raised €${amount} million in a Series B, chief executive Anna Keller said.\n`;
    await writeFile(join(corpus, "old.md"), article("2024-02-01", 40));
    await writeFile(join(corpus, "new.md"), article("2025-02-01", 45));
    await writeFile(join(corpus, "other.md"), "---\npublished: 2025-03-01\n---\nBeta Systems hired 40 engineers in Lyon.\n");
  });
  after(() => rm(corpus, {recursive: true, force: true}));

  it("holds exactly the sampled documents' rows of each table, and the claims and entities they take part in", async () => {
    const result = await runPipeline({corpus, pageDocuments: 1});
    assert.deepEqual(result.sample, {documents: ["new"], total: 3, focus: "Acme Robotics"});
    const tables = tablesText(result.tables);
    const pages = tablesText(result.pageTables);
    for (const table of ["documents", "sentences", "figures", "mentions", "events", "layers"] as const) {
      const all = csvParse(tables[`${table}.csv`]);
      const sampled = csvParse(pages[`pages/${table}.csv`]);
      assert.equal(pages[`pages/${table}.csv`].split("\n")[0], tables[`${table}.csv`].split("\n")[0], `${table}: same columns`);
      assert.deepEqual(sampled, Object.assign(all.filter((d) => d.doc_id === "new"), {columns: all.columns}), table);
    }
    assert.ok(csvParse(pages["pages/figures.csv"]).length > 0, "the sampled article's figure");
    const claims = csvParse(pages["pages/claims.csv"]);
    assert.ok(claims.length > 0 && claims.every((claim) => claim.doc_ids.split("|").includes("new")), "claims the sampled article takes part in");
    const entities = csvParse(pages["pages/entities.csv"]).map((entity) => entity.name);
    assert.ok(entities.includes("Acme Robotics") && !entities.includes("Beta Systems"), entities.join(", "));
  });
});
