import assert from "node:assert/strict";
import {spawn} from "node:child_process";
import {mkdtemp, readdir, readFile, rm, stat, truncate, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, describe, it} from "node:test";
import {generateCorpus} from "../../bench/generate.ts";
import {TABLE_NAMES} from "../../data-loaders/tables/schema.ts";
import {ROOT, run} from "../support/workspace.ts";

// Node itself runs the CLI (not the tsx launcher, which forks a second process), so SIGKILL stops the run outright.
const CLI = ["--import", "tsx", join(ROOT, "data-loaders", "cli.ts")];
const DOCUMENTS = 300;

/** Every file under a folder, as paths relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true}).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
}

/** Starts the CLI and SIGKILLs it once `ready(ms since start)` holds (polled every few ms); true if it was still running. */
async function killWhen(args: string[], ready: (elapsed: number) => Promise<boolean>): Promise<boolean> {
  const started = Date.now();
  const child = spawn(process.execPath, [...CLI, ...args], {cwd: ROOT, stdio: "ignore"});
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  let running = true;
  child.on("exit", () => (running = false));
  while (running && !(await ready(Date.now() - started))) await new Promise((resolve) => setTimeout(resolve, 5));
  const killed = running && child.kill("SIGKILL");
  await exited;
  return killed;
}

describe("npm run loaders, killed and run again", () => {
  let dir: string;
  let corpus: string;
  const reference: Record<string, string> = {};
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "resume-"));
    corpus = join(dir, "corpus");
    await generateCorpus(corpus, DOCUMENTS);
    const uninterrupted = await run(process.execPath, [...CLI, "--corpus", corpus, "--out", join(dir, "reference"), "--cache", join(dir, "reference-cache")]);
    assert.equal(uninterrupted.code, 0, uninterrupted.stderr);
    for (const name of TABLE_NAMES) reference[name] = await readFile(join(dir, "reference", name), "utf8");
  });
  after(() => rm(dir, {recursive: true, force: true}));

  const out = () => join(dir, "out");
  const cache = () => join(dir, "cache");
  const args = () => ["--corpus", corpus, "--out", out(), "--cache", cache()];
  const cachedDocuments = async () => (await filesUnder(join(cache(), "documents"))).filter((file) => file.endsWith(".json")).length;

  /** The output folder holds whole tables or none: each .csv equals the uninterrupted run's, anything else is a temporary. */
  async function assertWholeTablesOrNone(when: string): Promise<void> {
    for (const file of await filesUnder(out())) {
      if (file.endsWith(".tmp")) continue;
      assert.ok((TABLE_NAMES as readonly string[]).includes(file), `${when}: unexpected ${file} in the output folder`);
      assert.equal(await readFile(join(out(), file), "utf8"), reference[file], `${when}: ${file} is not a whole table`);
    }
  }

  it("leaves whole tables or none in --out wherever it is killed, then finishes with the uninterrupted run's bytes", async () => {
    const killPoints: [string, (elapsed: number) => Promise<boolean>][] = [
      ["0.3 s after starting", async (elapsed) => elapsed > 300],
      ["once the first document is cached", async () => (await cachedDocuments()) > 0],
      ["once half the documents are cached", async () => (await cachedDocuments()) >= DOCUMENTS / 2],
      ["while the tables are cached", async () => (await filesUnder(join(cache(), "tables"))).length > 0],
      ["while the tables are written to --out", async () => (await filesUnder(out())).length > 0]
    ];
    let killed = 0;
    for (const [when, ready] of killPoints) {
      if (await killWhen(args(), ready)) killed += 1;
      await assertWholeTablesOrNone(`killed ${when}`);
    }
    // The last points are a few milliseconds wide; a run may finish before the kill lands, which proves nothing either way.
    assert.ok(killed >= 3, `only ${killed} of ${killPoints.length} runs were still going when killed`);

    const finished = await run(process.execPath, [...CLI, ...args()]);
    assert.equal(finished.code, 0, finished.stderr);
    assert.deepEqual((await filesUnder(out())).sort(), [...TABLE_NAMES].sort(), "only the tables: the killed runs' temporaries are cleared");
    for (const name of TABLE_NAMES) assert.equal(await readFile(join(out(), name), "utf8"), reference[name], name);
  });

  it("ignores and recomputes corrupt cache entries, giving the same bytes", async () => {
    const entries = (await filesUnder(join(cache(), "documents"))).filter((file) => file.endsWith(".json")).sort();
    const [truncated, garbled] = [entries[0], entries[Math.floor(entries.length / 2)]].map((file) => join(cache(), "documents", file));
    const tables = (await filesUnder(join(cache(), "tables"))).filter((file) => /^[^/]+\/figures\.csv$/.test(file));
    assert.equal(tables.length, 1, "one cached set of tables");
    await truncate(truncated, Math.floor((await stat(truncated)).size / 2));
    await writeFile(garbled, "\u0000garbage{\"key\":");
    // A cached table cut short must not be served either; it also makes the run go back to the document entries.
    await truncate(join(cache(), "tables", tables[0]), 100);
    // So must a pack cut short, which leaves the per-document entries as the only source.
    for (const part of await filesUnder(join(cache(), "documents", "pack"))) {
      const path = join(cache(), "documents", "pack", part);
      await truncate(path, Math.floor((await stat(path)).size / 2));
    }

    const again = await run(process.execPath, [...CLI, ...args()]);
    assert.equal(again.code, 0, again.stderr);
    for (const name of TABLE_NAMES) assert.equal(await readFile(join(out(), name), "utf8"), reference[name], name);
    for (const entry of [truncated, garbled]) {
      const rewritten = await readFile(entry, "utf8");
      assert.ok(rewritten.startsWith("{") && JSON.parse(rewritten).key, `${entry} was extracted and written again`);
    }
  });
});
