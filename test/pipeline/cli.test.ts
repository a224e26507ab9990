import assert from "node:assert/strict";
import {csvParse} from "d3-dsv";
import {mkdtemp, readFile, readdir, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, describe, it} from "node:test";
import {EXPECTED_PROBLEMS, GOOD_DOC_IDS, writeEveryKindOfFile} from "../support/everyKindOfFile.ts";
import {ROOT, run} from "../support/workspace.ts";

const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const loaders = (...args: string[]) => run(TSX, [join(ROOT, "data-loaders", "cli.ts"), ...args]);

describe("npm run loaders on a corpus with every kind of bad file", () => {
  let corpus: string;
  let out: string;
  let result: Awaited<ReturnType<typeof run>>;
  before(async () => {
    corpus = await writeEveryKindOfFile();
    out = await mkdtemp(join(tmpdir(), "tables-"));
    result = await loaders("--corpus", corpus, "--out", out, "--cache", join(out, ".cache"));
  });
  after(async () => Promise.all([rm(corpus, {recursive: true, force: true}), rm(out, {recursive: true, force: true})]));

  it("finishes and writes every table", async () => {
    assert.equal(result.code, 0, result.stderr);
    const written = (await readdir(out)).filter((name) => name.endsWith(".csv")).sort();
    assert.deepEqual(written, ["claims.csv", "documents.csv", "entities.csv", "events.csv", "figures.csv", "layers.csv", "mentions.csv", "problems.csv", "sentences.csv"]);
  });

  it("keeps every good document, whatever its encoding or line endings", async () => {
    const documents = csvParse(await readFile(join(out, "documents.csv"), "utf8"));
    assert.deepEqual(documents.map((d) => d.doc_id), GOOD_DOC_IDS);
    const sentences = csvParse(await readFile(join(out, "sentences.csv"), "utf8"));
    assert.ok(sentences.every((s) => !s.text.includes("\r")), "no carriage return survives from the Windows file");
    assert.ok(sentences.some((s) => s.doc_id === "good/eastwind-utf16" && s.text.includes("Eastwind")), "the UTF-16 file reads as text");
  });

  it("lists each bad file in problems.csv, one row each, with the reason", async () => {
    const problems = csvParse(await readFile(join(out, "problems.csv"), "utf8"));
    assert.deepEqual(
      problems.map((p) => [p.file, p.problem]),
      Object.entries(EXPECTED_PROBLEMS).map(([file, {problem}]) => [file, problem])
    );
  });

  it("warns on stderr once per problem, naming the file and saying what to do", () => {
    const warnings = result.stderr.split("\n").filter((line) => line.startsWith("warning: "));
    assert.equal(warnings.length, Object.keys(EXPECTED_PROBLEMS).length, result.stderr);
    for (const [file, {advice}] of Object.entries(EXPECTED_PROBLEMS)) {
      const named = warnings.filter((line) => line.startsWith(`warning: ${file}: `));
      assert.equal(named.length, 1, `one warning names ${file}`);
      assert.match(named[0], advice);
    }
  });

  it("leaves no temporary file in the output folder", async () => {
    assert.deepEqual((await readdir(out)).filter((name) => name.endsWith(".tmp")), []);
  });

  it("fails with --strict when any file had a problem", async () => {
    const strict = await loaders("--corpus", corpus, "--out", out, "--no-cache", "--strict");
    assert.equal(strict.code, 1);
  });

  it("gives byte-identical tables with and without the cache", async () => {
    const fresh = await mkdtemp(join(tmpdir(), "tables-"));
    try {
      const again = await loaders("--corpus", corpus, "--out", fresh, "--no-cache");
      assert.equal(again.code, 0, again.stderr);
      for (const name of (await readdir(out)).filter((n) => n.endsWith(".csv"))) {
        assert.equal(await readFile(join(fresh, name), "utf8"), await readFile(join(out, name), "utf8"), name);
      }
    } finally {
      await rm(fresh, {recursive: true, force: true});
    }
  });

  it("gives the site's loaders the same bytes as the CLI", async () => {
    const loader = await run(TSX, [join(ROOT, "src", "data", "figures.csv.ts")], {env: {CORPUS_DIR: corpus, LOADERS_CACHE_DIR: join(out, ".site-cache")}});
    assert.equal(loader.code, 0, loader.stderr);
    assert.equal(loader.stdout, await readFile(join(out, "figures.csv"), "utf8"));
  });
});

describe("npm run loaders, misused", () => {
  it("says what is missing when --corpus or --out is not given", async () => {
    const result = await loaders("--corpus", ROOT);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--corpus and --out are required/);
  });
  it("names a corpus folder that does not exist", async () => {
    const result = await loaders("--corpus", "/nonexistent/corpus", "--out", join(tmpdir(), "never"));
    assert.equal(result.code, 1);
    assert.match(result.stderr, /corpus folder \/nonexistent\/corpus does not exist/);
  });
});
