import {createHash} from "node:crypto";
import {EXTRACTOR_VERSION} from "./cache/version.ts";
import {JsonStore} from "./cache/store.ts";
import {buildClaims} from "./combine/claims.ts";
import {normaliseMoney} from "./combine/currency.ts";
import {combineEntities} from "./combine/entities.ts";
import {discoverCorpus} from "./corpus/discover.ts";
import {readDocument} from "./corpus/read.ts";
import {readSidecars, sidecarEntry} from "./corpus/sidecar.ts";
import {readerSlug} from "./corpus/slug.ts";
import {referenceDate} from "./extract/dates.ts";
import {extractInParallel} from "./extract/parallel.ts";
import {formatCsv} from "./tables/csv.ts";
import {
  claimColumns,
  type DocumentRow,
  documentColumns,
  entityColumns,
  eventColumns,
  figureColumns,
  layerColumns,
  mentionColumns,
  problemColumns,
  sentenceColumns,
  type SentenceRow,
  type TableName
} from "./tables/schema.ts";
import type {DocumentExtraction, Figure, Mention, Problem, SourceDocument} from "./types.ts";

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
}

export interface PipelineResult {
  tables: Record<TableName, string>;
  /** What each document's reader page shows, keyed by the page's slug. */
  readers: Record<string, ReaderDocument>;
  problems: Problem[];
  documents: number;
}

/** One document with everything found in it, for its reader page: text as sentences, figures and named entities. */
export interface ReaderDocument {
  document: DocumentRow;
  sentences: SentenceRow[];
  figures: Figure[];
  mentions: (Mention & {entity_name: string})[];
}

/** The languages the extraction rules are written for; documents in others are skipped with a problem. */
const SUPPORTED_LANGUAGES = new Set(["en", "und"]);

/** Reads a corpus folder and returns every table, as CSV text, with the problems found on the way. */
export async function runPipeline({corpus, cacheDir = null, onProblem, onProgress, threads}: PipelineOptions): Promise<PipelineResult> {
  const problems: Problem[] = [];
  const report = (problem: Problem) => {
    problems.push(problem);
    onProblem?.(problem);
  };

  const discovered = await discoverCorpus(corpus);
  discovered.problems.forEach(report);
  const {sidecars, problems: sidecarProblems} = await readSidecars(corpus, discovered.files.map(({file}) => file));
  sidecarProblems.forEach(report);

  const documents: SourceDocument[] = [];
  const seenText = new Map<string, string>();
  const seenIds = new Map<string, string>();
  for (const corpusFile of discovered.files) {
    const read = await readDocument(corpusFile, sidecarEntry(sidecars, corpusFile.file));
    if ("problem" in read) {
      report(read);
      continue;
    }
    const textHash = createHash("sha256").update(read.text.trim()).digest("hex");
    const original = seenText.get(textHash);
    if (original) {
      report({file: read.file, problem: "duplicate", detail: `same text as ${original}; remove the duplicate`});
      continue;
    }
    const clash = seenIds.get(read.doc_id);
    if (clash) {
      report({file: read.file, problem: "duplicate", detail: `same document id "${read.doc_id}" as ${clash}; rename one of the two files`});
      continue;
    }
    seenText.set(textHash, read.file);
    seenIds.set(read.doc_id, read.file);
    documents.push(read);
  }

  const store = cacheDir ? new JsonStore(cacheDir) : null;
  const cached = await Promise.all(documents.map((document) => store?.get<DocumentExtraction>(extractionKey(document))));
  const missing = documents.filter((_, i) => !cached[i]);
  let done = documents.length - missing.length;
  const fresh = await extractInParallel(missing, {
    threads,
    onDone: async (document, extraction) => {
      await store?.set(extractionKey(document), extraction);
      onProgress?.(++done, documents.length);
    }
  });
  const extracted = new Map(missing.map((document, i) => [document.doc_id, fresh[i]]));

  const extractions: DocumentExtraction[] = [];
  for (const [i, document] of documents.entries()) {
    const extraction = cached[i] ?? extracted.get(document.doc_id)!;
    if (SUPPORTED_LANGUAGES.has(extraction.language)) extractions.push(extraction);
    else report({file: document.file, problem: "not_english", detail: `the text reads as "${extraction.language}", and the extraction rules are for English articles, so it was skipped; add an English version of the article instead, or move the file out of the corpus`});
  }

  return {...combineDocuments(extractions, problems), problems, documents: extractions.length};
}

/**
 * A document's cache key: everything its extraction depends on, and nothing else. The text is the file's bytes
 * (`sha256`) as decoded by this version of the library, so hashing the text again would add time, not safety.
 */
export function extractionKey(document: SourceDocument): string {
  const {doc_id, file, title, outlet, url, published, sha256} = document;
  return createHash("sha256").update(JSON.stringify([EXTRACTOR_VERSION, doc_id, file, title, outlet, url, published, sha256])).digest("hex");
}

/** The cross-document stage: entities, currency normalisation and claims, then every table as CSV and every reader page's data. */
export function combineDocuments(extractions: DocumentExtraction[], problems: Problem[]): Pick<PipelineResult, "tables" | "readers"> {
  const sorted = [...extractions].sort((a, b) => compare(a.document.doc_id, b.document.doc_id));
  const {entities, mentionEntityIds} = combineEntities(sorted.map((extraction) => extraction.mentions));
  const canonical = (entityId: string) => mentionEntityIds.get(entityId) ?? entityId;
  const mentions = sorted.flatMap((extraction) => extraction.mentions).map((mention) => ({
    ...mention,
    entity_id: canonical(mention.entity_id)
  }));
  const events = sorted.flatMap((extraction) => extraction.events).map((event) => ({
    ...event,
    entities: [...new Set(event.entities.map(canonical))]
  }));
  const figures = normaliseMoney(sorted.flatMap((extraction) => extraction.figures));
  const documentRows: DocumentRow[] = sorted.map(({document, language, words, sentences}) => ({
    doc_id: document.doc_id,
    file: document.file,
    title: document.title,
    outlet: document.outlet,
    url: document.url,
    published: document.published,
    language,
    words,
    sentences: sentences.length,
    sha256: document.sha256,
    reference_date: referenceDate(document, sentences),
    slug: readerSlug(document.doc_id)
  }));
  const sortedProblems = [...problems].sort((a, b) => compare(a.file, b.file) || compare(a.problem, b.problem));
  const sentenceRows = sorted.flatMap(withParagraphs);
  const tables = {
    "documents.csv": formatCsv(documentRows, documentColumns),
    "sentences.csv": formatCsv(sentenceRows, sentenceColumns),
    "figures.csv": formatCsv(figures, figureColumns),
    "entities.csv": formatCsv(entities, entityColumns),
    "mentions.csv": formatCsv(mentions, mentionColumns),
    "events.csv": formatCsv(events, eventColumns),
    "layers.csv": formatCsv(sorted.flatMap((extraction) => extraction.layers), layerColumns),
    "claims.csv": formatCsv(buildClaims(figures, new Map(documentRows.map((row) => [row.doc_id, row.reference_date]))), claimColumns),
    "problems.csv": formatCsv(sortedProblems, problemColumns)
  };
  const entityNames = new Map(entities.map((entity) => [entity.entity_id, entity.name]));
  const readers: Record<string, ReaderDocument> = {};
  for (const document of documentRows) readers[document.slug] = {document, sentences: [], figures: [], mentions: []};
  const bySlug = new Map(documentRows.map((row) => [row.doc_id, readers[row.slug]]));
  for (const sentence of sentenceRows) bySlug.get(sentence.doc_id)!.sentences.push(sentence);
  for (const figure of figures) bySlug.get(figure.doc_id)!.figures.push(figure);
  for (const mention of mentions) bySlug.get(mention.doc_id)!.mentions.push({...mention, entity_name: entityNames.get(mention.entity_id) ?? mention.name});
  return {tables, readers};
}

/** Numbers each sentence's paragraph: a new one starts wherever the text between two sentences holds a line break. */
function withParagraphs({document, sentences}: DocumentExtraction): SentenceRow[] {
  let paragraph = 0;
  return sentences.map((sentence, i) => {
    if (i > 0 && document.text.slice(sentences[i - 1].end, sentence.start).includes("\n")) paragraph += 1;
    return {...sentence, paragraph};
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

