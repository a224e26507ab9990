import assert from "node:assert/strict";
import {mkdir, mkdtemp, readdir, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, describe, it} from "node:test";
import {tableText} from "../../data-loaders/tables/csv.ts";
import {loadTableFiles, loadTables} from "../../data-loaders/tables/load.ts";

const article = (company: string, amount: number) =>
  `---\ntitle: ${company} raises money\npublished: 2026-05-04\n---\n${company} raised €${amount} million in a Series B on Monday, the company said.\n`;

describe("the tables cache", () => {
  let dir: string;
  let corpus: string;
  let cacheDir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "tables-cache-"));
    corpus = join(dir, "corpus");
    cacheDir = join(dir, "cache");
    await mkdir(corpus);
    await writeFile(join(corpus, "first.md"), article("Examplar", 40));
  });
  after(() => rm(dir, {recursive: true, force: true}));

  it("hands an unchanged corpus's tables over as the cached files, with the same bytes", async () => {
    const computed = await loadTables({corpus, cacheDir});
    const files = await loadTableFiles({corpus, cacheDir});
    const figures = files.tables["figures.csv"];
    assert.ok(typeof figures === "object" && "copyOf" in figures, "a cache hit copies the file rather than rebuilding it");
    assert.equal(await readFile(figures.copyOf, "utf8"), tableText(computed.tables["figures.csv"]));
    assert.match(tableText(computed.tables["figures.csv"]), /€40 million/);
  });

  it("computes the tables again when a cached table was edited in place", async () => {
    const {tables} = await loadTableFiles({corpus, cacheDir});
    const figures = tables["figures.csv"] as {copyOf: string};
    await writeFile(figures.copyOf, "figure_id\nedited by hand\n");
    const again = await loadTableFiles({corpus, cacheDir});
    const recomputed = again.tables["figures.csv"] as {copyOf: string};
    assert.match(await readFile(recomputed.copyOf, "utf8"), /€40 million/, "the edited entry is a miss: the table is computed again");
  });

  it("keeps the tables of the latest two states of the corpus only", async () => {
    for (const [name, amount] of [["second", 50], ["third", 60], ["fourth", 70]] as const) {
      await writeFile(join(corpus, `${name}.md`), article(`Examplar ${name}`, amount));
      const {tables} = await loadTables({corpus, cacheDir});
      assert.match(tableText(tables["figures.csv"]), new RegExp(`€${amount} million`));
    }
    assert.equal((await readdir(join(cacheDir, "tables"))).length, 2);
  });
});
