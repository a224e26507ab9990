import {html} from "npm:htl";
import {formatFigure} from "./format.js";

/**
 * Sources for citations: documents and sentences keyed by id, built once per page from the tables.
 * Every citation links to the reader page, which shows the document with the cited sentence highlighted.
 */
export function citationIndex(documents, sentences) {
  return {
    documents: new Map(documents.map((d) => [d.doc_id, d])),
    sentences: new Map(sentences.map((s) => [s.sentence_id, s]))
  };
}

// Resolved from this module (served from _import/components/), so links work from any page, forks included.
const READER_ROOT = new URL("../../sources/", import.meta.url).pathname;

/** The link to a document's reader page (a row of documents.csv), scrolled to one sentence. */
export function readerHref(document, sentence_id) {
  return `${READER_ROOT}${document.slug}${sentence_id ? `#${encodeURIComponent(sentence_id)}` : ""}`;
}

export function documentLabel(document, doc_id) {
  return document?.title || document?.outlet || doc_id;
}

/**
 * A figure as it reads in prose, followed by a citation mark: hovering shows the source sentence, clicking opens
 * it in the reader. Text from the corpus only ever enters the page as text (htl escapes it), never as markup.
 */
export function citeFigure(figure, index, {format = formatFigure} = {}) {
  return html`<span class="figure">${format(figure)}${citeMark(figure.doc_id, figure.sentence_id, index)}</span>`;
}

/** The citation mark alone, for a statement drawn from a sentence. */
export function citeMark(doc_id, sentence_id, index) {
  const sentence = index.sentences.get(sentence_id);
  const document = index.documents.get(doc_id);
  const title = `${documentLabel(document, doc_id)}: “${sentence?.text ?? ""}”`;
  const label = `[${shortLabel(document, doc_id)}]`;
  if (!document) return html`<sup class="cite">${label}</sup>`;
  // The accessible name starts with the visible label, so speech input ("click TechBooky") finds the link.
  return html`<sup class="cite"><a href=${readerHref(document, sentence_id)} title=${title} aria-label=${`${label} source: ${title}`}>${label}</a></sup>`;
}

function shortLabel(document, doc_id) {
  const label = document?.outlet || document?.title || doc_id.split("/").pop();
  return label.length > 18 ? `${label.slice(0, 16)}…` : label;
}

/** A sentence quoted as a block, with its citation. */
export function quoteSentence(sentence, index) {
  return html`<blockquote class="evidence">${sentence.text} ${citeMark(sentence.doc_id, sentence.sentence_id, index)}</blockquote>`;
}
