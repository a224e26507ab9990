import {html} from "npm:htl";
import {formatFigure} from "./format.js";

/**
 * One document laid out as paragraphs of sentences, each sentence an element whose id is its sentence_id (so
 * "#<sentence_id>" scrolls to and highlights it), each figure and named entity marked. Corpus text is inserted as
 * text nodes only.
 */
export function readerView(sentences, figures, mentions = []) {
  const spans = [
    ...figures.map((figure) => ({...figure, kind: "figure", label: describeFigure(figure)})),
    ...mentions.map((mention) => ({...mention, kind: "entity", label: `${mention.type}: ${mention.entity_name}`}))
  ];
  const spansBySentence = group(spans, (span) => span.sentence_id);
  const paragraphs = group(sentences, (sentence) => sentence.paragraph);
  return html`<article class="reader">${[...paragraphs.values()].map(
    (paragraph) => html`<p>${paragraph.map((sentence) => html`<span class="sentence" id=${sentence.sentence_id}>${markSpans(sentence, spansBySentence.get(sentence.sentence_id) ?? [])} </span>`)}</p>`
  )}</article>`;
}

function describeFigure(figure) {
  return `${figure.metric.replace(/_/g, " ")}: ${formatFigure(figure)}${figure.period ? `, ${figure.period}` : ""}`;
}

/** The sentence's text with its spans marked; where a figure and a name overlap, the one starting first wins. */
function markSpans(sentence, spans) {
  const parts = [];
  let cursor = sentence.start;
  const ordered = [...spans].sort((a, b) => a.start - b.start || (a.kind === "figure" ? -1 : 1));
  for (const span of ordered) {
    if (span.start < cursor) continue;
    parts.push(sentence.text.slice(cursor - sentence.start, span.start - sentence.start));
    parts.push(html`<mark class=${span.kind} title=${span.label}>${sentence.text.slice(span.start - sentence.start, span.end - sentence.start)}</mark>`);
    cursor = span.end;
  }
  parts.push(sentence.text.slice(cursor - sentence.start));
  return parts;
}

function group(rows, key) {
  const groups = new Map();
  for (const row of rows) {
    const k = key(row);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(row);
  }
  return groups;
}
