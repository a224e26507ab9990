import {createHash} from "node:crypto";
import {stat} from "node:fs/promises";
import {join} from "node:path";
import {EXTRACTOR_VERSION} from "./cache/version.ts";
import {emptyPack, readPack, type ReadFile, writePack} from "./cache/pack.ts";
import {JsonStore} from "./cache/store.ts";
import {combineDocuments, type ReaderDocument} from "./combine/tables.ts";
import {type CorpusFile, discoverCorpus} from "./corpus/discover.ts";
import {readDocument} from "./corpus/read.ts";
import {readSidecars, sidecarEntry} from "./corpus/sidecar.ts";
import {extractInParallel} from "./extract/parallel.ts";
import {packDocument, type PackedDocument, type StoredDocument} from "./tables/documentTables.ts";
import type {TableName} from "./tables/schema.ts";
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
}

export interface PipelineResult {
  tables: Record<TableName, string>;
  /** What each document's reader page shows, keyed by the page's slug; empty unless asked for. */
  readers: Record<string, ReaderDocument>;
  problems: Problem[];
  documents: number;
}

/** The languages the extraction rules are written for; documents in others are skipped with a problem. */
const SUPPORTED_LANGUAGES = new Set(["en", "und"]);

/** The pack's file name inside the cache folder. */
const PACK = "pack.v8";

/** A document to be tabled: its metadata, and its text when it had to be read. */
interface Listed {
  document: Omit<SourceDocument, "text"> & {text?: string};
  key: string;
}

/**
 * Reads a corpus folder and returns every table, as CSV text, with the problems found on the way. With a cache, a
 * file whose size, modification time and sidecar row are unchanged is not read again, and a document whose key is
 * unchanged is not extracted again.
 */
export async function runPipeline({corpus, cacheDir = null, onProblem, onProgress, threads, readers = false}: PipelineOptions): Promise<PipelineResult> {
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
  const next = emptyPack();
  const listed: Listed[] = [];
  const seenText = new Map<string, string>();
  const seenIds = new Map<string, string>();
  for (const corpusFile of discovered.files) {
    const read = await readFile(corpusFile, JSON.stringify(sidecarEntry(sidecars, corpusFile.file)), pack.files[corpusFile.file]);
    if ("problem" in read) {
      report(read);
      continue;
    }
    const {document, textHash} = read.file;
    const original = seenText.get(textHash);
    if (original) {
      report({file: document.file, problem: "duplicate", detail: `same text as ${original}; remove the duplicate`});
      continue;
    }
    const clash = seenIds.get(document.doc_id);
    if (clash) {
      report({file: document.file, problem: "duplicate", detail: `same document id "${document.doc_id}" as ${clash}; rename one of the two files`});
      continue;
    }
    seenText.set(textHash, document.file);
    seenIds.set(document.doc_id, document.file);
    next.files[document.file] = read.file;
    listed.push({document: read.text === undefined ? document : {...document, text: read.text}, key: extractionKey(document)});
  }

  const store = cacheDir ? new JsonStore(cacheDir) : null;
  const stored = new Map<string, StoredDocument>();
  for (const {key} of listed) {
    if (pack.documents[key]) next.documents[key] = pack.documents[key];
    else {
      const entry = await store?.get<StoredDocument>(key);
      if (entry) next.documents[key] = packDocument(entry);
    }
  }
  const missing = listed.filter(({key}) => !next.documents[key]);
  const sources = await Promise.all(missing.map(({document}) => withText(corpus, document)));
  let done = listed.length - missing.length;
  await extractInParallel(sources, {
    threads,
    onDone: async (document, extracted) => {
      const key = extractionKey(document);
      await store?.set(key, extracted.stored);
      next.documents[key] = extracted.packed;
      if (!store || readers) stored.set(key, extracted.stored);
      onProgress?.(++done, listed.length);
    }
  });
  if (cacheDir) await writePack(join(cacheDir, PACK), next);

  const packed: PackedDocument[] = [];
  const tabled: Listed[] = [];
  for (const entry of listed) {
    const document = next.documents[entry.key];
    if (SUPPORTED_LANGUAGES.has(document.row.language)) {
      packed.push(document);
      tabled.push(entry);
    } else {
      report({file: entry.document.file, problem: "not_english", detail: `the text reads as "${document.row.language}", and the extraction rules are for English articles, so it was skipped; add an English version of the article instead, or move the file out of the corpus`});
    }
  }

  const {tables, reader} = combineDocuments(packed, problems);
  const pages: Record<string, ReaderDocument> = {};
  if (readers) {
    for (const {key} of tabled) {
      const entry = stored.get(key) ?? (await store?.get<StoredDocument>(key));
      if (!entry) throw new Error(`the cache entry of a document disappeared during the run (${key}); run again`);
      pages[entry.row.slug] = reader(entry);
    }
  }
  return {tables, readers: pages, problems, documents: packed.length};
}

/**
 * A corpus file as a document: from the previous run's record when the file and its sidecar row are unchanged (no
 * read), else read from disk with its text.
 */
async function readFile(corpusFile: CorpusFile, sidecar: string, previous: ReadFile | undefined): Promise<{file: ReadFile; text?: string} | Problem> {
  const stats = await stat(corpusFile.path).catch(() => null);
  if (stats && previous && previous.size === stats.size && previous.mtimeMs === stats.mtimeMs && previous.sidecar === sidecar) return {file: previous};
  const read = await readDocument(corpusFile, JSON.parse(sidecar));
  if ("problem" in read) return read;
  const {text, ...document} = read;
  const textHash = createHash("sha256").update(text.trim()).digest("hex");
  return {file: {size: stats?.size ?? -1, mtimeMs: stats?.mtimeMs ?? -1, sidecar, document, textHash}, text};
}

/** A document with its text, reading the file again when the run skipped it as unchanged but has no extraction for it. */
async function withText(corpus: string, document: Listed["document"]): Promise<SourceDocument> {
  if (document.text !== undefined) return document as SourceDocument;
  const read = await readDocument({path: join(corpus, document.file), file: document.file});
  if ("problem" in read || read.sha256 !== document.sha256) throw new Error(`${document.file} changed while it was being read; run again`);
  // The metadata is the record's: it was read with the file's sidecar row, which this read does not look up again.
  return {...document, text: read.text};
}

/**
 * A document's cache key: everything its extraction depends on, and nothing else. The text is the file's bytes
 * (`sha256`) as decoded by this version of the library, so hashing the text again would add time, not safety.
 */
export function extractionKey(document: Omit<SourceDocument, "text">): string {
  const {doc_id, file, title, outlet, url, published, sha256} = document;
  return createHash("sha256").update(JSON.stringify([EXTRACTOR_VERSION, doc_id, file, title, outlet, url, published, sha256])).digest("hex");
}
