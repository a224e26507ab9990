/**
 * Framework re-runs a data loader only when the loader file is newer than its cached output, so loaders whose inputs
 * (the corpus, the extraction library) change would serve stale tables, and the time it stamps on each output ends up
 * in the built pages (FileAttachment's lastModified), so two builds of the same inputs would differ.
 *
 * Before a build or preview, `writeSiteTables` therefore computes every table once from the inputs (cached by their
 * fingerprint) and puts each where Framework keeps its loader's output, with the output and its loader stamped with
 * one time derived from the data: the newest date any document is written from. Framework finds every output fresh,
 * the tables always match the inputs, and the build is byte-for-byte reproducible. During preview, `touchLoaders`
 * makes Framework re-run the loaders (which read the same cache) and reload open pages.
 */
import {createHash} from "node:crypto";
import {mkdir, readFile, readdir, rm, utimes} from "node:fs/promises";
import {basename, dirname, join, relative, sep} from "node:path";
import {csvParse} from "d3-dsv";
import {formatProblem} from "../data-loaders/problems.ts";
import {EXTRACTOR_VERSION} from "../data-loaders/cache/version.ts";
import {loadTables} from "../data-loaders/tables/load.ts";
import {isSiteFileName, siteFile, type SiteFileName} from "../data-loaders/site.ts";
import {tableText} from "../data-loaders/tables/csv.ts";
import {type FileContents, writeTablesAtomically} from "../data-loaders/tables/write.ts";

export interface SiteLayout {
  /** The workspace root. */
  root: string;
  /** The corpus the site is built over. */
  corpus: string;
  /** The loaders' cache folder. */
  cacheDir: string;
}

const LOADERS = join("src", "data");
const CACHED_OUTPUTS = join("src", ".observablehq", "cache", "data");
/** What observablehq.config.js reads to list the reader pages and describe the corpus in the footer. */
export const SITE_MANIFEST = join("src", ".observablehq", "cache", "site.json");

export interface SiteManifest {
  corpus: string;
  /** A hash of the extractor and every document's content: the same for the same inputs on any machine. */
  inputs: string;
  documents: number;
  problems: number;
  /** How many documents the analysis pages read, and the organisation they were chosen for when not all. */
  sample: {documents: number; focus: string | null};
  readers: {slug: string; label: string}[];
}

/** The loaders in src/data that print a file of the corpus's site data (tables, bundle, dictionary). */
export async function corpusLoaders(root: string): Promise<string[]> {
  const names = await readdir(join(root, LOADERS), {recursive: true});
  return names.map((name) => name.split(sep).join("/")).filter((name) => isSiteFileName(name.replace(/\.ts$/, ""))).sort();
}

/** Writes the corpus's site data as the loaders' outputs; returns what the site's configuration needs to know. */
export async function writeSiteTables({root, corpus, cacheDir}: SiteLayout): Promise<SiteManifest> {
  const result = await loadTables({
    corpus,
    cacheDir,
    readers: true,
    onProblem: (problem) => process.stderr.write(formatProblem(problem) + "\n")
  });
  const {readers, documents, problems} = result;
  const documentsCsv = tableText(result.tables["documents.csv"]);
  const inputs = createHash("sha256").update(EXTRACTOR_VERSION).update(documentsCsv).digest("hex").slice(0, 12);
  const loaders = await corpusLoaders(root);
  const outputs: Record<string, FileContents> = {};
  for (const loader of loaders) outputs[loader.replace(/\.ts$/, "")] = await siteFile(loader.replace(/\.ts$/, "") as SiteFileName, result);
  const outputDir = join(root, CACHED_OUTPUTS);
  await writeTablesAtomically(outputDir, outputs);
  const stamp = dataDate(documentsCsv);
  const previous = await readManifest(root);
  for (const loader of loaders) await utimes(join(outputDir, loader.replace(/\.ts$/, "")), stamp, stamp);
  await pinDataFolder(root, loaders, stamp, previous?.inputs !== inputs);
  const readerDir = join(outputDir, "sources");
  await rm(readerDir, {recursive: true, force: true});
  await mkdir(readerDir, {recursive: true});
  const readerFiles = Object.fromEntries(Object.entries(readers).map(([slug, reader]) => [`${slug}.json`, JSON.stringify(reader)]));
  await writeTablesAtomically(readerDir, readerFiles);
  for (const name of Object.keys(readerFiles)) await utimes(join(readerDir, name), stamp, stamp);
  const manifest: SiteManifest = {
    corpus: relative(root, corpus) || ".",
    inputs,
    documents,
    problems: problems.length,
    sample: {documents: result.sample.documents.length, focus: result.sample.focus},
    readers: Object.values(readers).map(({document}) => ({slug: document.slug, label: document.title || document.outlet || document.doc_id}))
  };
  await writeTablesAtomically(dirname(join(root, SITE_MANIFEST)), {[basename(SITE_MANIFEST)]: JSON.stringify(manifest, null, 2)});
  return manifest;
}

/** The newest date a document is written from (its reference date), or the Unix epoch for a corpus with none. */
export function dataDate(documentsCsv: string): Date {
  const dates = csvParse(documentsCsv).map((row) => row.reference_date ?? "").filter((date) => /^\d{4}-\d{2}-\d{2}$/.test(date)).sort();
  return new Date(dates.length ? `${dates[dates.length - 1]}T00:00:00Z` : 0);
}

/**
 * Gives every site loader and static file in src/data the data's time (a checkout gives them the clone's time, which
 * Framework would write into the pages), and drops the outputs of loaders someone added (a fork's own table) when the
 * inputs changed, since they may depend on the corpus.
 */
async function pinDataFolder(root: string, siteLoaders: string[], stamp: Date, inputsChanged: boolean): Promise<void> {
  for (const entry of await readdir(join(root, LOADERS), {recursive: true, withFileTypes: true})) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const name = relative(join(root, LOADERS), path);
    if (!isLoader(name) || siteLoaders.includes(name) || name.startsWith("sources/")) await utimes(path, stamp, stamp);
    else if (inputsChanged) await rm(join(root, CACHED_OUTPUTS, name.replace(/\.[^.]+$/, "")), {force: true});
  }
}

async function readManifest(root: string): Promise<SiteManifest | null> {
  return readFile(join(root, SITE_MANIFEST), "utf8").then((text) => JSON.parse(text) as SiteManifest, () => null);
}

/** Framework's data loaders are files with a second extension naming their language: "x.csv.ts", "x.json.py". */
function isLoader(name: string): boolean {
  return /\.[^./]+\.(js|ts|py|R|rs|go|java|jl|php|sh|exe)$/.test(name);
}

/** Marks every corpus loader as changed, which makes a running preview server re-run it and reload its pages. */
export async function touchLoaders(root: string): Promise<void> {
  const now = new Date();
  for (const loader of await corpusLoaders(root)) await utimes(join(root, LOADERS, loader), now, now);
}
