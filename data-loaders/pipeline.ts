import {createHash} from "node:crypto";
import {stat} from "node:fs/promises";
import type {Stats} from "node:fs";
import {join} from "node:path";
import {EXTRACTOR_VERSION} from "./cache/version.ts";
import {emptyPack, type ReadFile, readPack, writePack} from "./cache/pack.ts";
import {JsonStore} from "./cache/store.ts";
import {type PageSample} from "./combine/pageSample.ts";
import {combineDocuments, type ReaderDocument} from "./combine/tables.ts";
import {type CorpusFile, discoverCorpus} from "./corpus/discover.ts";
import {readDocument} from "./corpus/read.ts";
import {readAhead} from "./corpus/readAhead.ts";
import {readSidecars, sidecarEntry} from "./corpus/sidecar.ts";
import {startExtractor} from "./extract/parallel.ts";
import {isExtracted} from "./text/language.ts";
import {packDocument, type PackedDocument, type StoredDocument} from "./tables/documentTables.ts";
import type {TableChunks} from "./tables/csv.ts";
import type {PageTableName, TableName} from "./tables/schema.ts";
import type {Problem, SourceDocument} from "./types.ts";

export type {ReaderDocument};

export interface PipelineOptions {
  /** The corpus folder. */
  corpus: string;
  /** Folder of the per-document extraction cache; null disables caching. */
  cacheDir?: string | null;
  /** Called once per problem as it is found, for warnings on stderr. */
  onProblem?: (problem: Problem) => void;
  /** Called after each document is extracted. */
  onProgress?: (done: number, total: number) => void;
  /** Worker threads for extraction; defaults to every core. */
  threads?: number;
  /** Also gather each document's reader page data (the site needs it; the tables do not). */
  readers?: boolean;
  /** The most documents the analysis pages read (combine/pageSample.ts). */
  pageDocuments?: number;
}

export interface PipelineResult {
  tables: Record<TableName, TableChunks>;
  /** Rows of each table, not counting its header. */
  rows: Record<TableName, number>;
  /** The tables the analysis pages load, over the page sample. */
  pageTables: Record<PageTableName, TableChunks>;
  sample: PageSample;
  /** What each document's reader page shows, keyed by the page's slug; empty unless asked for. */
  readers: Record<string, ReaderDocument>;
  problems: Problem[];
  documents: number;
}

/** Files read at once: enough to keep the disk busy and the workers fed, few enough to hold no real memory. */
const READ_AHEAD = 32;

/** The pack's folder inside the cache folder. */
const PACK = "pack";

/** A document to be tabled: its file and its extraction key. */
interface Listed {
  file: string;
  key: string;
}

/**
 * Reads a corpus folder and returns every table, as CSV text, with the problems found on the way. With a cache, a
 * file whose size, modification time and sidecar row are unchanged is not read again, and a document whose key is
 * unchanged is not extracted again.
 */
export async function runPipeline({corpus, cacheDir = null, onProblem, onProgress, threads, readers = false, pageDocuments}: PipelineOptions): Promise<PipelineResult> {
  const problems: Problem[] = [];
  const report = (problem: Problem) => {
    problems.push(problem);
    onProblem?.(problem);
  };

  const discovered = await discoverCorpus(corpus);
  discovered.problems.forEach(report);
  const {sidecars, problems: sidecarProblems} = await readSidecars(corpus, discovered.files.map(({file}) => file));
  sidecarProblems.forEach(report);

  const pack = cacheDir ? await readPack(join(cacheDir, PACK)) : emptyPack();
  const store = cacheDir ? new JsonStore(cacheDir) : null;
  const next = emptyPack();
  const sidecarOf = (file: string) => JSON.stringify(sidecarEntry(sidecars, file));
  // Before reading anything: which files are as the last run read them, with their tables in the pack. Only the
  // others are read, and their number sizes the extractor.
  const stats = await Promise.all(discovered.files.map(({path}) => stat(path).catch(() => null)));
  const unchanged = discovered.files.map(({file}, i) => {
    const record = pack.files[file];
    const current = stats[i];
    const same = record && current && record.size === current.size && record.mtimeMs === current.mtimeMs && record.sidecar === sidecarOf(file);
    const key = same ? extractionKey(record.document) : "";
    return same && pack.documents[key] ? {record, key, packed: pack.documents[key]} : null;
  });
  const total = discovered.files.length;
  const toExtract = unchanged.filter((known) => !known).length;
  let done = 0;
  const handled = () => {
    done += 1;
    if (toExtract) onProgress?.(done, total);
  };

  const listed: Listed[] = [];
  const stored = new Map<string, StoredDocument>();
  const extractor = startExtractor(toExtract, threads);
  const extractions: Promise<void>[] = [];
  const seenText = new Map<string, string>();
  const seenIds = new Map<string, string>();
  try {
    // Each new file's text, and its entry in the per-document store if an earlier run extracted it.
    const readOne = async (corpusFile: CorpusFile, i: number) => {
      const read = unchanged[i] ?? (await readRecord(corpusFile, sidecarOf(corpusFile.file), stats[i]));
      if ("problem" in read || "packed" in read) return read;
      return {...read, cached: await store?.get<StoredDocument>(read.key)};
    };
    for await (const read of readAhead(discovered.files, READ_AHEAD, readOne)) {
      if ("problem" in read) {
        report(read);
        handled();
        continue;
      }
      const {document, textHash} = read.record;
      const original = seenText.get(textHash);
      const clash = seenIds.get(document.doc_id);
      if (original || clash) {
        const detail = original ? `same text as ${original}; remove the duplicate` : `same document id "${document.doc_id}" as ${clash}; rename one of the two files`;
        report({file: document.file, problem: "duplicate", detail});
        handled();
        continue;
      }
      seenText.set(textHash, document.file);
      seenIds.set(document.doc_id, document.file);
      next.files[document.file] = read.record;
      const {key} = read;
      listed.push({file: document.file, key});
      if ("packed" in read) {
        next.documents[key] = read.packed;
        handled();
        continue;
      }
      if (read.cached) {
        next.documents[key] = packDocument(read.cached);
        handled();
        continue;
      }
      await extractor.ready();
      const source = {...document, text: read.text};
      const extraction = extractor.extract({document: source, store: cacheDir ? {dir: cacheDir, key} : null}).then((extracted) => {
        next.documents[key] = extracted.packed;
        if (readers && extracted.stored) stored.set(key, extracted.stored);
        handled();
      });
      // Awaited below, after every file is read; until then a failure must not count as unhandled.
      extraction.catch(() => {});
      extractions.push(extraction);
    }
    await Promise.all(extractions);
  } finally {
    await extractor.close();
  }
  if (cacheDir) await writePack(join(cacheDir, PACK), next, pack);

  const packed: PackedDocument[] = [];
  const tabled: Listed[] = [];
  for (const entry of listed) {
    const document = next.documents[entry.key];
    if (isExtracted(document.row.language)) {
      packed.push(document);
      tabled.push(entry);
    } else {
      report({file: entry.file, problem: "not_english", detail: `the text reads as "${document.row.language}", and the extraction rules are for English articles, so it was skipped; add an English version of the article instead, or move the file out of the corpus`});
    }
  }

  const {tables, rows, pageTables, sample, reader} = combineDocuments(packed, problems, pageDocuments);
  const pages: Record<string, ReaderDocument> = {};
  if (readers) {
    for (const {key} of tabled) {
      const entry = stored.get(key) ?? (await store?.get<StoredDocument>(key));
      if (!entry) throw new Error(`the cache entry of a document disappeared during the run (${key}); run again`);
      pages[entry.row.slug] = reader(entry);
    }
  }
  return {tables, rows, pageTables, sample, readers: pages, problems, documents: packed.length};
}

/** Reads a corpus file into the record the pack keeps of it, and its text; or the problem that skips it. */
async function readRecord(corpusFile: CorpusFile, sidecar: string, stats: Stats | null): Promise<{record: ReadFile; key: string; text: string} | Problem> {
  const read = await readDocument(corpusFile, JSON.parse(sidecar));
  if ("problem" in read) return read;
  const {text, ...document} = read;
  const textHash = createHash("sha256").update(text.trim()).digest("hex");
  return {record: {size: stats?.size ?? -1, mtimeMs: stats?.mtimeMs ?? -1, sidecar, document, textHash}, key: extractionKey(document), text};
}

/**
 * A document's cache key: everything its extraction depends on, and nothing else. The text is the file's bytes
 * (`sha256`) as decoded by this version of the library, so hashing the text again would add time, not safety.
 */
export function extractionKey(document: Omit<SourceDocument, "text">): string {
  const {doc_id, file, title, outlet, url, published, sha256} = document;
  return createHash("sha256").update(JSON.stringify([EXTRACTOR_VERSION, doc_id, file, title, outlet, url, published, sha256])).digest("hex");
}
