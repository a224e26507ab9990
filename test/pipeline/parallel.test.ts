import assert from "node:assert/strict";
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, describe, it} from "node:test";
import {csvParse} from "d3-dsv";
import {generateCorpus} from "../../bench/generate.ts";
import {runPipeline, type PipelineResult} from "../../data-loaders/pipeline.ts";
import {tableText} from "../../data-loaders/tables/csv.ts";
import {TABLE_NAMES} from "../../data-loaders/tables/schema.ts";

// Enough documents that two threads each get a share (extractInParallel uses a single thread below 64 per worker).
const DOCUMENTS = 160;

describe("extraction on worker threads", () => {
  let corpus: string;
  let serial: PipelineResult;
  let parallel: PipelineResult;
  before(async () => {
    corpus = await mkdtemp(join(tmpdir(), "parallel-"));
    await generateCorpus(corpus, DOCUMENTS, 7);
    serial = await runPipeline({corpus, threads: 1});
    parallel = await runPipeline({corpus, threads: 2});
  });
  after(() => rm(corpus, {recursive: true, force: true}));

  it("extracts every document and finds figures in them", () => {
    assert.equal(parallel.documents, DOCUMENTS);
    assert.ok(csvParse(tableText(parallel.tables["figures.csv"])).length > DOCUMENTS, "the synthetic articles each state several figures");
  });

  it("writes every table byte for byte as a single-threaded run does", () => {
    for (const table of TABLE_NAMES) {
      assert.ok(serial.tables[table], `a single-threaded run writes ${table}`);
      assert.equal(tableText(parallel.tables[table]), tableText(serial.tables[table]), table);
    }
  });
});
