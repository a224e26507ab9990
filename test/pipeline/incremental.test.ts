import assert from "node:assert/strict";
import {mkdir, mkdtemp, rm, utimes, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, describe, it} from "node:test";
import {csvParse} from "d3-dsv";
import {runPipeline} from "../../data-loaders/pipeline.ts";
import {tablesText} from "../support/tables.ts";

const ACME = `Acme Robotics raised €40 million in a Series B on 3 March 2025, chief executive Arthur Mensch said.
Arthur Mensch founded Acme Robotics in Lyon.
`;
const BETA = `Beta Systems signed a partnership with Acme Robotics on 12 May 2025.
The deal is worth $12 million, Mensch said.
`;

describe("re-running the loaders with a cache", () => {
  let dir: string;
  let corpus: string;
  const cacheDir = () => join(dir, "cache");
  const run = async (cache: string | null = cacheDir()) => tablesText((await runPipeline({corpus, cacheDir: cache, threads: 1})).tables);

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "incremental-"));
    corpus = join(dir, "corpus");
    await mkdir(corpus);
    await writeFile(join(corpus, "acme.txt"), ACME);
    await writeFile(join(corpus, "beta.txt"), BETA);
    await writeFile(join(corpus, "metadata.csv"), "file,title,outlet,published\nacme.txt,Acme raises,The Ledger,2025-03-04\n");
  });
  after(() => rm(dir, {recursive: true, force: true}));

  it("gives the same tables from the pack, from the per-document entries alone, and with no cache", async () => {
    const uncached = await run(null);
    assert.deepEqual(await run(), uncached, "first run, filling the cache");
    assert.deepEqual(await run(), uncached, "second run, from the pack");
    await rm(join(cacheDir(), "pack"), {recursive: true});
    assert.deepEqual(await run(), uncached, "from the per-document entries");
  });

  it("counts every table's rows as parsing the table does, from the pack as from a fresh extraction", async () => {
    for (const cache of [null, cacheDir()]) {
      const {tables, rows} = await runPipeline({corpus, cacheDir: cache, threads: 1});
      for (const [name, text] of Object.entries(tablesText(tables))) assert.equal(rows[name as keyof typeof rows], csvParse(text).length, name);
      assert.ok(rows["sentences.csv"] > rows["documents.csv"], "the articles have several sentences each");
    }
  });

  it("gives every document's mentions and events the ids of the entities table, merging a surname across documents", async () => {
    const tables = await run();
    const entities = new Set(csvParse(tables["entities.csv"]).map((row) => row.entity_id));
    const mentions = csvParse(tables["mentions.csv"]);
    for (const mention of mentions) assert.ok(entities.has(mention.entity_id), `${mention.text} → ${mention.entity_id}`);
    for (const event of csvParse(tables["events.csv"])) for (const id of event.entities.split("|").filter(Boolean)) assert.ok(entities.has(id), id);
    const surname = mentions.find((mention) => mention.doc_id === "beta" && mention.text === "Mensch");
    assert.equal(surname?.entity_id, "arthur-mensch", "the surname alone in one article is the person another article names in full");
  });

  it("reads a file again when its sidecar row changes, though its bytes do not", async () => {
    await writeFile(join(corpus, "metadata.csv"), "file,title,outlet,published\nacme.txt,Acme closes its Series B,The Ledger,2025-03-04\n");
    const documents = csvParse((await run())["documents.csv"]);
    assert.equal(documents.find((row) => row.doc_id === "acme")?.title, "Acme closes its Series B");
  });

  it("reads a file again when it is edited to the same size", async () => {
    const path = join(corpus, "beta.txt");
    const edited = BETA.replace("$12 million", "$34 million");
    assert.equal(edited.length, BETA.length);
    await writeFile(path, edited);
    // A file system with coarse timestamps could give the edit the old time; a later time stands for the edit's own.
    const later = new Date(Date.now() + 60_000);
    await utimes(path, later, later);
    const figures = csvParse((await run())["figures.csv"]);
    assert.ok(figures.some((row) => row.text === "$34 million"), "the edited amount");
    assert.ok(!figures.some((row) => row.text === "$12 million"), "not the old one");
  });
});
