import {countWords, detectLanguage, isExtracted} from "../text/language.ts";
import {splitSentences} from "../text/sentences.ts";
import type {DocumentExtraction, Sentence, SourceDocument} from "../types.ts";
import {extractEvents} from "./events.ts";
import {extractFigures} from "./figures.ts";
import {tagLayers} from "./layers.ts";
import {extractMentions} from "./mentions.ts";

/**
 * Everything the workspace extracts from one document. A pure function of the document, so its result can be cached
 * by the document's hash and computed on any worker.
 */
export function extractDocument(document: SourceDocument): DocumentExtraction {
  const language = detectLanguage(document.text);
  const words = countWords(document.text);
  // A document in a language the rules are not written for is skipped, so the rules are not run on it.
  if (!isExtracted(language)) return {document, language, words, sentences: [], figures: [], mentions: [], events: [], layers: []};
  const sentences = segment(document);
  const mentions = extractMentions(document, sentences);
  return {
    document,
    language,
    words,
    sentences,
    figures: extractFigures(document, sentences, mentions),
    mentions,
    events: extractEvents(document, sentences, mentions),
    layers: tagLayers(document, sentences)
  };
}

export function segment(document: SourceDocument): Sentence[] {
  return splitSentences(document.text).map(({start, end}, index) => ({
    sentence_id: sentenceId(document.doc_id, index),
    doc_id: document.doc_id,
    index,
    start,
    end,
    text: document.text.slice(start, end)
  }));
}

export function sentenceId(docId: string, index: number): string {
  return `${docId}:s${index}`;
}
