/**
 * A document's share of the tables, in the two forms the cache keeps. Everything here depends on one document only,
 * so it is computed once, on the worker that extracted the document, and never again while the document is unchanged.
 */
import {readerSlug} from "../corpus/slug.ts";
import {referenceDate} from "../extract/dates.ts";
import {extractDocument} from "../extract/document.ts";
import type {DocumentExtraction, Event, Figure, LayerTag, Mention, SourceDocument} from "../types.ts";
import {formatRows} from "./csv.ts";
import {type DocumentRow, layerColumns, sentenceColumns, type SentenceRow} from "./schema.ts";

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
 * What every run combines: the rows of the tables that need nothing from other documents (sentences, layers) already
 * written as CSV, and the rows whose columns depend on the whole corpus (entity ids, converted money) as objects.
 */
export interface PackedDocument extends Pick<StoredDocument, "row" | "figures" | "mentions" | "events"> {
  sentences: string;
  layers: string;
}

/** A document extracted, in both forms; what a worker thread sends back. */
export interface ExtractedDocument {
  stored: StoredDocument;
  packed: PackedDocument;
}

export function extractTables(document: SourceDocument): ExtractedDocument {
  const stored = storedDocument(extractDocument(document));
  return {stored, packed: packDocument(stored)};
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
  return {row, sentences: formatRows(sentences, sentenceColumns), layers: formatRows(layers, layerColumns), figures, mentions, events};
}

/** Numbers each sentence's paragraph: a new one starts wherever the text between two sentences holds a line break. */
function withParagraphs({document, sentences}: DocumentExtraction): SentenceRow[] {
  let paragraph = 0;
  return sentences.map((sentence, i) => {
    if (i > 0 && document.text.slice(sentences[i - 1].end, sentence.start).includes("\n")) paragraph += 1;
    return {...sentence, paragraph};
  });
}
