import {createHash} from "node:crypto";
import {readdir, readFile, rm, stat} from "node:fs/promises";
import {dirname, join} from "node:path";
import {EXTRACTOR_VERSION} from "../cache/version.ts";
import {discoverCorpus} from "../corpus/discover.ts";
import {SIDECAR_NAME} from "../corpus/sidecar.ts";
import type {PipelineOptions, PipelineResult} from "../pipeline.ts";
import type {Problem} from "../types.ts";
import {TABLE_NAMES, type TableName} from "./schema.ts";
import {type FileContents, writeTablesAtomically} from "./write.ts";

/**
 * The tables of a corpus, computed once per state of the corpus. The site's loaders each ask for one table; the
 * first computes all of them, the rest read the result. The state is a fingerprint of every file's path, size and
 * modification time plus the extractor version: cheap to take for thousands of files, and any edit changes it.
 * (Per-document results are cached by content hash, so a touched but unchanged file costs a re-combine, no more.)
 */
export async function loadTables(options: PipelineOptions & {cacheDir: string}): Promise<PipelineResult> {
  const dir = await entryDir(options);
  const cached = await readCachedTables(dir);
  if (cached) {
    cached.problems.forEach((problem) => options.onProblem?.(problem));
    return cached;
  }
  // Loaded on a miss only: the extractors and their models are most of the start-up time of a run that hits the cache.
  const {runPipeline} = await import("../pipeline.ts");
  const result = await runPipeline({...options, cacheDir: join(options.cacheDir, "documents")});
  const {problems, documents, readers} = result;
  const files = {...result.tables, "readers.json": JSON.stringify(readers)};
  await writeTablesAtomically(dir, files);
  const written: Summary["files"] = {};
  for (const [name, contents] of Object.entries(files)) written[name] = {sha256: sha256(contents), ...(await stamp(join(dir, name)))};
  await writeTablesAtomically(dir, {"summary.json": JSON.stringify({problems, documents, files: written} satisfies Summary)});
  await pruneEntries(dirname(dir), KEPT_ENTRIES);
  return result;
}

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
export async function loadTableFiles(options: PipelineOptions & {cacheDir: string}): Promise<TableFiles> {
  const dir = await entryDir(options);
  const summary = await readSummary(dir);
  const stamps = summary && (await Promise.all(TABLE_NAMES.map((name) => stamp(join(dir, name)).catch(() => null))));
  if (!summary || !stamps || stamps.some((found, i) => !sameStamp(found, summary.files[TABLE_NAMES[i]]))) return loadTables(options);
  summary.problems.forEach((problem) => options.onProblem?.(problem));
  const tables = Object.fromEntries(TABLE_NAMES.map((name) => [name, {copyOf: join(dir, name)}])) as TableFiles["tables"];
  return {tables, problems: summary.problems, documents: summary.documents};
}

export interface TableFiles extends Pick<PipelineResult, "problems" | "documents"> {
  tables: Record<TableName, FileContents>;
}

async function entryDir(options: PipelineOptions & {cacheDir: string}): Promise<string> {
  return join(options.cacheDir, "tables", await corpusFingerprint(options.corpus));
}

/** Written last, so its presence means every other file was written; the hashes and stamps catch one changed since. */
interface Summary {
  problems: Problem[];
  documents: number;
  files: Record<string, {sha256: string} & Stamp>;
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
  try {
    const summary = JSON.parse(await readFile(join(dir, "summary.json"), "utf8")) as Summary;
    return summary.files ? summary : null;
  } catch {
    return null;
  }
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

async function readCachedTables(dir: string): Promise<PipelineResult | null> {
  const summary = await readSummary(dir);
  if (!summary) return null;
  const text = async (name: string) => {
    const contents = await readFile(join(dir, name), "utf8").catch(() => null);
    // A file that no longer matches its hash (a disk error, a hand edit) makes the whole entry a miss, not a wrong table.
    return contents !== null && sha256(contents) === summary.files[name]?.sha256 ? contents : null;
  };
  const tables = {} as Record<TableName, string>;
  for (const name of TABLE_NAMES) {
    const contents = await text(name);
    if (contents === null) return null;
    tables[name] = contents;
  }
  const readers = await text("readers.json");
  return readers === null ? null : {tables, readers: JSON.parse(readers), problems: summary.problems, documents: summary.documents};
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
