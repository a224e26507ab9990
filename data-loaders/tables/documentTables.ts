/**
 * A document's share of the tables, in the two forms the cache keeps. Everything here depends on one document only,
 * so it is computed once, on the worker that extracted the document, and never again while the document is unchanged.
 */
import {JsonStore} from "../cache/store.ts";
import {type EntityTally, tallyMentions} from "../combine/entities.ts";
import {readerSlug} from "../corpus/slug.ts";
import {referenceDate} from "../extract/dates.ts";
import {extractDocument} from "../extract/document.ts";
import type {DocumentExtraction, Event, Figure, LayerTag, Mention, SourceDocument} from "../types.ts";
import {type Column, formatRows} from "./csv.ts";
import {type DocumentRow, eventColumns, layerColumns, mentionColumns, sentenceColumns, type SentenceRow} from "./schema.ts";

/** What the per-document cache holds: the extraction without the document's text, plus its row of documents.csv. */
export interface StoredDocument {
  row: DocumentRow;
  sentences: SentenceRow[];
  figures: Figure[];
  mentions: Mention[];
  events: Event[];
  layers: LayerTag[];
}

/**
 * What every run combines, with every row already written as CSV and encoded as UTF-8: the rows of sentences and
 * layers as they will be published, the rows of mentions and events with the entity ids this document alone gives
 * (the corpus may merge a few), and the mentions counted by entity for combining entities. Encoded rows are written
 * out as they are, and take half the memory of text with one non-Latin-1 character in it (which makes V8 store a
 * whole string as UTF-16). Figures stay objects: converting money and grouping claims need the whole corpus's figures.
 */
export interface PackedDocument {
  row: DocumentRow;
  sentences: Uint8Array;
  layers: Uint8Array;
  mentions: Uint8Array;
  events: Uint8Array;
  /** Rows of each encoded table, so a table's size is known without parsing it. */
  rows: Record<"sentences" | "layers" | "mentions" | "events", number>;
  entities: EntityTally[];
  figures: Figure[];
}

/** One document to extract, and the per-document store to write its entry to (null: no cache). */
export interface ExtractionTask {
  document: SourceDocument;
  store: {dir: string; key: string} | null;
}

/** What comes back: the packed form, and the stored form only when there is no store to read it from later. */
export interface ExtractedDocument {
  packed: PackedDocument;
  stored: StoredDocument | null;
}

/**
 * Extracts a document and writes its cache entry where it was extracted, so that on worker threads the work of
 * serialising and writing entries is shared by the workers rather than left to the thread that reads the corpus.
 */
export async function extractAndStore({document, store}: ExtractionTask): Promise<ExtractedDocument> {
  const stored = storedDocument(extractDocument(document));
  if (!store) return {packed: packDocument(stored), stored};
  await storeAt(store.dir).set(store.key, stored);
  return {packed: packDocument(stored), stored: null};
}

export function storedDocument(extraction: DocumentExtraction): StoredDocument {
  const {document, language, words, sentences, figures, mentions, events, layers} = extraction;
  const row: DocumentRow = {
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
  };
  return {row, sentences: withParagraphs(extraction), figures, mentions, events, layers};
}

export function packDocument({row, sentences, figures, mentions, events, layers}: StoredDocument): PackedDocument {
  return {
    row,
    sentences: encodeRows(sentences, sentenceColumns),
    layers: encodeRows(layers, layerColumns),
    mentions: encodeRows(mentions, mentionColumns),
    events: encodeRows(events, eventColumns),
    rows: {sentences: sentences.length, layers: layers.length, mentions: mentions.length, events: events.length},
    entities: tallyMentions(mentions),
    figures
  };
}

const UTF8 = new TextEncoder();

function encodeRows<T>(rows: readonly T[], columns: readonly Column<T>[]): Uint8Array {
  return UTF8.encode(formatRows(rows, columns));
}

/** One store per folder and thread, so each remembers the folders it has made. */
const STORES = new Map<string, JsonStore>();
function storeAt(dir: string): JsonStore {
  if (!STORES.has(dir)) STORES.set(dir, new JsonStore(dir));
  return STORES.get(dir)!;
}

/** Numbers each sentence's paragraph: a new one starts wherever the text between two sentences holds a line break. */
function withParagraphs({document, sentences}: DocumentExtraction): SentenceRow[] {
  let paragraph = 0;
  return sentences.map((sentence, i) => {
    if (i > 0 && document.text.slice(sentences[i - 1].end, sentence.start).includes("\n")) paragraph += 1;
    return {...sentence, paragraph};
  });
}
