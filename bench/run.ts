/**
 * npm run bench [-- --tiers 1000,10000]
 *
 * For each tier of a synthetic corpus: a cold extraction, a re-run with nothing changed, a re-run after adding one
 * article, and a full site build, each with wall time and peak RSS; the built site's heaviest page (JS and data,
 * gzipped) and time to first chart in headless Chromium; and, in this process on the same texts, our per-document
 * extraction against compromise and wink-nlp doing only part of the job. Results go to bench/results/ as JSON.
 */
import {spawn} from "node:child_process";
import {cpus} from "node:os";
import {createHash} from "node:crypto";
import {mkdir, readdir, readFile, rm, stat, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {ROOT, copyWorkspace} from "../test/support/workspace.ts";
import {generateArticle, generateCorpus} from "./generate.ts";
import {compareLibraries, type LibraryTimes} from "./libraries.ts";
import {measureSite, type SiteMeasures} from "./site.ts";

interface Run {
  step: string;
  documents: number;
  megabytes: number;
  seconds: number;
  peakRssMB: number;
}

const {values} = parseArgs({options: {tiers: {type: "string", default: "1000,10000"}, "skip-build": {type: "boolean", default: false}}});
const tiers = values.tiers.split(",").map(Number);
const BENCH_DIR = join(ROOT, ".cache", "bench");

const TARGETS = {
  coldMBPerSecondPerCore: 2,
  coldSecondsAt10k: 20,
  peakRssMB: 1536,
  unchangedSeconds: 1,
  addOneSeconds: 2,
  addOneSpeedup: 20,
  buildSecondsAt1k: 180,
  pageDataGzipBytes: 2 * 1024 * 1024,
  pageJsGzipBytes: 300 * 1024,
  firstChartMs: 1000,
  compromiseSpeedup: 10,
  winkSlowdown: 2
};

const report: {machine: {cores: number; node: string}; tiers: unknown[]} = {machine: {cores: cpus().length, node: process.version}, tiers: []};

// A corpus made by another version of the generator is made again: its marker holds the generator's hash.
const GENERATOR = createHash("sha256").update(await readFile(join(ROOT, "bench", "generate.ts"))).digest("hex");

for (const count of tiers) {
  const corpus = join(BENCH_DIR, `corpus-${count}`);
  if ((await readFile(join(corpus, ".complete"), "utf8").catch(() => "")) !== GENERATOR) {
    await rm(corpus, {recursive: true, force: true});
    await generateCorpus(corpus, count);
    await writeFile(join(corpus, ".complete"), GENERATOR);
  }
  const megabytes = await corpusMegabytes(corpus);
  const cache = join(BENCH_DIR, `cache-${count}`);
  const out = join(BENCH_DIR, `tables-${count}`);
  await rm(cache, {recursive: true, force: true});
  const loaders = (step: string, documents: number) => timed(step, documents, megabytes, "node", ["--import", "tsx", join(ROOT, "data-loaders", "cli.ts"), "--corpus", corpus, "--out", out, "--cache", cache]);

  const runs: Run[] = [];
  runs.push(await loaders("cold extraction", count));
  runs.push(await loaders("nothing changed", count));
  const added = join(corpus, "added", "one-more.md");
  await mkdir(join(corpus, "added"), {recursive: true});
  await writeFile(added, generateArticle(987654321).text);
  runs.push(await loaders("one article added", count + 1));
  await rm(join(corpus, "added"), {recursive: true, force: true});

  let site: SiteMeasures | null = null;
  if (!values["skip-build"]) {
    const workspace = await copyWorkspace();
    try {
      runs.push(await timed("site build", count, megabytes, "npm", ["run", "build"], {cwd: workspace.dir, env: {CORPUS_DIR: corpus, LOADERS_CACHE_DIR: join(workspace.dir, ".cache", "loaders")}}));
      site = await measureSite(join(workspace.dir, "dist"));
    } finally {
      await workspace.remove();
    }
  }
  const libraries = await compareLibraries(corpus, Math.min(count, 1000));
  printTier(count, megabytes, runs, site, libraries);
  report.tiers.push({documents: count, megabytes, runs, site, libraries});
}

await mkdir(join(ROOT, "bench", "results"), {recursive: true});
const resultPath = join(ROOT, "bench", "results", `bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
await writeFile(resultPath, JSON.stringify(report, null, 2));
console.log(`\nresults written to ${resultPath}`);

async function corpusMegabytes(corpus: string): Promise<number> {
  let bytes = 0;
  for (const entry of await readdir(corpus, {recursive: true, withFileTypes: true})) {
    if (entry.isFile() && entry.name.endsWith(".md")) bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return bytes / 1e6;
}

/** Runs a command under GNU time for its peak resident set (children and worker threads included). */
function timed(step: string, documents: number, megabytes: number, command: string, args: string[], options: {cwd?: string; env?: NodeJS.ProcessEnv} = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn("/usr/bin/time", ["-f", "BENCH_RSS_KB=%M", command, ...args], {
      cwd: options.cwd ?? ROOT,
      env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", ...options.env},
      stdio: ["ignore", "ignore", "pipe"]
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`${step} failed (${code}):\n${stderr.slice(-2000)}`));
      const rss = Number(/BENCH_RSS_KB=(\d+)/.exec(stderr)?.[1] ?? NaN) / 1024;
      resolve({step, documents, megabytes, seconds, peakRssMB: rss});
    });
  });
}

function printTier(count: number, megabytes: number, runs: Run[], site: SiteMeasures | null, libraries: LibraryTimes): void {
  const cores = cpus().length;
  console.log(`\n== ${count.toLocaleString("en-US")} documents, ${megabytes.toFixed(1)} MB of text, ${cores} cores ==`);
  console.log(`${"step".padEnd(20)} ${"docs".padStart(7)} ${"MB".padStart(7)} ${"wall s".padStart(8)} ${"MB/s".padStart(7)} ${"docs/s".padStart(8)} ${"peak RSS MB".padStart(12)}`);
  for (const run of runs) {
    console.log(`${run.step.padEnd(20)} ${String(run.documents).padStart(7)} ${run.megabytes.toFixed(1).padStart(7)} ${run.seconds.toFixed(2).padStart(8)} ${(run.megabytes / run.seconds).toFixed(2).padStart(7)} ${(run.documents / run.seconds).toFixed(0).padStart(8)} ${run.peakRssMB.toFixed(0).padStart(12)}`);
  }
  const [cold, unchanged, addOne, build] = runs;
  const verdicts: [string, boolean][] = [
    [`cold extraction ≥ ${TARGETS.coldMBPerSecondPerCore} MB/s per core (${(cold.megabytes / cold.seconds / cores).toFixed(2)})`, cold.megabytes / cold.seconds / cores >= TARGETS.coldMBPerSecondPerCore],
    [`peak RSS < ${TARGETS.peakRssMB} MB (${Math.max(...runs.map((r) => r.peakRssMB)).toFixed(0)})`, runs.every((r) => r.peakRssMB < TARGETS.peakRssMB)],
    [`nothing changed < ${TARGETS.unchangedSeconds} s (${unchanged.seconds.toFixed(2)})`, unchanged.seconds < TARGETS.unchangedSeconds],
    [`one added < ${TARGETS.addOneSeconds} s and ≥ ${TARGETS.addOneSpeedup}× faster than cold (${addOne.seconds.toFixed(2)} s, ${(cold.seconds / addOne.seconds).toFixed(1)}×)`, addOne.seconds < TARGETS.addOneSeconds && cold.seconds / addOne.seconds >= TARGETS.addOneSpeedup]
  ];
  if (count >= 10000) verdicts.push([`cold 10k docs < ${TARGETS.coldSecondsAt10k} s (${cold.seconds.toFixed(1)})`, cold.seconds < TARGETS.coldSecondsAt10k]);
  if (build && count <= 1000) verdicts.push([`site build < ${TARGETS.buildSecondsAt1k} s (${build.seconds.toFixed(0)})`, build.seconds < TARGETS.buildSecondsAt1k]);
  if (site) {
    console.log(`site: heaviest page JS ${(site.largestPageJsGzip / 1024).toFixed(0)} KB gz (${site.largestJsPage}), data ${(site.largestPageDataGzip / 1024).toFixed(0)} KB gz (${site.largestDataPage}); first chart overview ${site.firstChartMs.index?.toFixed(0)} ms, money ${site.firstChartMs.money?.toFixed(0)} ms (median of 5, cold)`);
    verdicts.push([`page JS ≤ 300 KB gz`, site.largestPageJsGzip <= TARGETS.pageJsGzipBytes]);
    verdicts.push([`page data ≤ 2 MB gz`, site.largestPageDataGzip <= TARGETS.pageDataGzipBytes]);
    verdicts.push([`first chart < 1 s`, Object.values(site.firstChartMs).every((ms) => ms < TARGETS.firstChartMs)]);
  }
  console.log(`libraries on ${libraries.documents} documents, one thread: ours ${libraries.ours.toFixed(2)} s (all tables); compromise ${libraries.compromise.toFixed(2)} s (people, organisations, money) = ${(libraries.compromise / libraries.ours).toFixed(1)}× ours; wink-nlp ${libraries.wink.toFixed(2)} s (entities) = ${(libraries.wink / libraries.ours).toFixed(2)}× ours`);
  verdicts.push([`≥ ${TARGETS.compromiseSpeedup}× faster than compromise`, libraries.compromise / libraries.ours >= TARGETS.compromiseSpeedup]);
  verdicts.push([`≤ ${TARGETS.winkSlowdown}× wink-nlp's time`, libraries.ours / libraries.wink <= TARGETS.winkSlowdown]);
  for (const [label, met] of verdicts) console.log(`  ${met ? "met   " : "MISSED"} ${label}`);
}

