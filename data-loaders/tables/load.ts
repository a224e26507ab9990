import {createHash} from "node:crypto";
import {readdir, readFile, rm, stat} from "node:fs/promises";
import {dirname, join} from "node:path";
import {EXTRACTOR_VERSION} from "../cache/version.ts";
import {discoverCorpus} from "../corpus/discover.ts";
import {SIDECAR_NAME} from "../corpus/sidecar.ts";
import type {PageSample} from "../combine/pageSample.ts";
import type {PipelineOptions, PipelineResult, ReaderDocument} from "../pipeline.ts";
import type {Problem} from "../types.ts";
import type {TableChunks} from "./csv.ts";
import {PAGE_TABLE_NAMES, type PageTableName, TABLE_NAMES, type TableName} from "./schema.ts";
import {type FileContents, writeTablesAtomically} from "./write.ts";

export interface LoadOptions extends PipelineOptions {
  cacheDir: string;
}

/**
 * The tables of a corpus, computed once per state of the corpus. The site's loaders each ask for one table; the
 * first computes all of them, the rest read the result. The state is a fingerprint of every file's path, size and
 * modification time plus the extractor version: cheap to take for thousands of files, and any edit changes it.
 * (Per-document results are cached by content hash, so a touched but unchanged file costs a re-combine, no more.)
 * Reader pages' data is kept beside the tables, one file per page, when asked for (the site asks; the CLI does not).
 */
export async function loadTables(options: LoadOptions): Promise<PipelineResult> {
  const dir = await entryDir(options);
  const cached = await readCachedTables(dir, options.readers ?? false);
  if (!cached) return computeTables(options, dir);
  cached.problems.forEach((problem) => options.onProblem?.(problem));
  return cached;
}

/** Runs the pipeline and caches its tables (and reader pages, when asked for) in the entry `dir`. */
async function computeTables(options: LoadOptions, dir: string): Promise<PipelineResult> {
  // Loaded on a miss only: the extractors and their models are most of the start-up time of a run that hits the cache.
  const {runPipeline} = await import("../pipeline.ts");
  const result = await runPipeline({...options, cacheDir: join(options.cacheDir, "documents")});
  const {problems, documents, readers, tables, rows, pageTables, sample} = result;
  await writeTablesAtomically(dir, {...tables, ...pageTables});
  const slugs = options.readers ? Object.keys(readers).sort() : null;
  if (slugs) await writeTablesAtomically(join(dir, READERS), Object.fromEntries(slugs.map((slug) => [`${slug}.json`, JSON.stringify(readers[slug])])));
  const files: Summary["files"] = {};
  for (const name of CACHED_TABLES) files[name] = await stamp(join(dir, name));
  await writeTablesAtomically(dir, {"summary.json": JSON.stringify({problems, documents, rows, sample, readers: slugs, files} satisfies Summary)});
  await pruneEntries(dirname(dir), KEPT_ENTRIES);
  return result;
}

/** One reader page's data: read alone from the cache when it is there, so a page does not load every document. */
export async function loadReader(options: LoadOptions, slug: string): Promise<ReaderDocument | undefined> {
  const dir = await entryDir(options);
  const summary = await readSummary(dir);
  if (summary?.readers?.includes(slug)) {
    const reader = await readJson<ReaderDocument>(join(dir, READERS, `${slug}.json`));
    if (reader) return reader;
  }
  return (await loadTables({...options, readers: true})).readers[slug];
}

const READERS = "readers";
const CACHED_TABLES = [...TABLE_NAMES, ...PAGE_TABLE_NAMES];

/**
 * Corpus states whose tables stay cached: the current one and the one before it, so that undoing a change is free.
 * Each entry holds every table, so keeping all of them would fill the disk with every state the corpus ever had.
 */
const KEPT_ENTRIES = 2;

async function pruneEntries(root: string, keep: number): Promise<void> {
  const entries = await readdir(root).catch(() => [] as string[]);
  const dated = await Promise.all(entries.map(async (name) => ({name, mtimeMs: (await stat(join(root, name, "summary.json")).catch(() => null))?.mtimeMs ?? 0})));
  dated.sort((a, b) => b.mtimeMs - a.mtimeMs || (a.name < b.name ? -1 : 1));
  // A loader running beside this one that loses its entry finds a miss and computes the tables again; nothing is wrong.
  await Promise.all(dated.slice(keep).map(({name}) => rm(join(root, name), {recursive: true, force: true})));
}

/**
 * A corpus's tables as files to write, for the CLI. When the corpus has not changed since they were cached, they are
 * the cached files themselves, to be copied: nothing is extracted, parsed, formatted or even read, and the reader
 * pages' data is left alone. A cached file whose size or modification time differs from when it was written (a hand
 * edit, a disk error) makes the whole entry a miss.
 */
export async function loadTableFiles(options: LoadOptions): Promise<TableFiles> {
  const dir = await entryDir(options);
  const summary = await intactSummary(dir);
  if (summary) summary.problems.forEach((problem) => options.onProblem?.(problem));
  // On a miss the tables have just been written into the entry: copying them writes them once, not twice.
  const {problems, documents} = summary ?? (await computeTables(options, dir));
  const tables = Object.fromEntries(TABLE_NAMES.map((name) => [name, {copyOf: join(dir, name)}])) as TableFiles["tables"];
  return {tables, problems, documents};
}

/**
 * One table as a file to print or copy: the cached file itself when the corpus has not changed, so a site loader
 * that prints one table does not read the other sixteen into memory.
 */
export async function loadTableFile(options: LoadOptions, name: TableName | PageTableName): Promise<FileContents> {
  const dir = await entryDir(options);
  const summary = await intactSummary(dir);
  if (!summary) {
    const {tables, pageTables} = await computeTables(options, dir);
    return {...tables, ...pageTables}[name];
  }
  summary.problems.forEach((problem) => options.onProblem?.(problem));
  return {copyOf: join(dir, name)};
}

export interface TableFiles extends Pick<PipelineResult, "problems" | "documents"> {
  tables: Record<TableName, FileContents>;
}

async function entryDir(options: LoadOptions): Promise<string> {
  return join(options.cacheDir, "tables", await corpusFingerprint(options.corpus));
}

/**
 * Written last, so its presence means every other file was written; the stamps catch a table changed since (a hand
 * edit, a truncation), which makes the whole entry a miss rather than a wrong table.
 */
interface Summary {
  problems: Problem[];
  documents: number;
  rows: Record<TableName, number>;
  sample: PageSample;
  /** The slugs of the reader pages kept in readers/, or null when the entry was made without them. */
  readers: string[] | null;
  files: Record<string, Stamp>;
}

interface Stamp {
  size: number;
  mtimeMs: number;
}

async function stamp(path: string): Promise<Stamp> {
  const {size, mtimeMs} = await stat(path);
  return {size, mtimeMs};
}

function sameStamp(found: Stamp | null, recorded: Stamp | undefined): boolean {
  return !!found && !!recorded && found.size === recorded.size && found.mtimeMs === recorded.mtimeMs;
}

async function readSummary(dir: string): Promise<Summary | null> {
  const summary = await readJson<Summary>(join(dir, "summary.json"));
  return summary?.files && summary.rows ? summary : null;
}

/** The entry's summary when every table in it is as it was written. */
async function intactSummary(dir: string): Promise<Summary | null> {
  const summary = await readSummary(dir);
  if (!summary) return null;
  const stamps = await Promise.all(CACHED_TABLES.map((name) => stamp(join(dir, name)).catch(() => null)));
  return stamps.every((found, i) => sameStamp(found, summary.files[CACHED_TABLES[i]])) ? summary : null;
}

async function readJson<T>(path: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as T;
  } catch {
    return null;
  }
}

/** The entry's tables when every one is as it was written, and its reader pages when asked for and present. */
async function readCachedTables(dir: string, withReaders: boolean): Promise<PipelineResult | null> {
  const summary = await intactSummary(dir);
  if (!summary || (withReaders && !summary.readers)) return null;
  const tables = {} as Record<TableName, TableChunks>;
  // Read as bytes: whoever writes them out need not decode and encode them again.
  for (const name of TABLE_NAMES) tables[name] = [await readFile(join(dir, name))];
  const pageTables = {} as Record<PageTableName, TableChunks>;
  for (const name of PAGE_TABLE_NAMES) pageTables[name] = [await readFile(join(dir, name))];
  const readers: Record<string, ReaderDocument> = {};
  for (const slug of withReaders ? summary.readers! : []) {
    const reader = await readJson<ReaderDocument>(join(dir, READERS, `${slug}.json`));
    if (!reader) return null;
    readers[slug] = reader;
  }
  return {tables, rows: summary.rows, pageTables, sample: summary.sample, readers, problems: summary.problems, documents: summary.documents};
}

export async function corpusFingerprint(corpus: string): Promise<string> {
  const hash = createHash("sha256").update(EXTRACTOR_VERSION);
  const {files, problems} = await discoverCorpus(corpus);
  const folders = new Set(files.map(({file}) => file.split("/").slice(0, -1).join("/")));
  const sidecars = [...folders].sort().map((folder) => (folder ? `${folder}/${SIDECAR_NAME}` : SIDECAR_NAME));
  const names = [...files.map(({file}) => file), ...sidecars];
  const stats = await Promise.all(names.map((file) => stat(join(corpus, file)).catch(() => null)));
  names.forEach((file, i) => hash.update(`${file}\0${stats[i]?.size ?? -1}\0${stats[i]?.mtimeMs ?? -1}\n`));
  for (const problem of problems) hash.update(`${problem.file}\0${problem.detail}\n`);
  return hash.digest("hex").slice(0, 24);
}
