/**
 * Every mention of an organisation, person, product or place in a document, with its offsets. Known names
 * (lexicons/entities.csv) match longest first with case rules that keep common words out; other names are found by
 * general rules over capitalised words and typed by their context (lexicons/entity-cues.json).
 */
import type {Mention, Sentence, SourceDocument} from "../types.ts";
import {fold, type NameToken, tokenize} from "./nameTokens.ts";
import {resolveNames} from "./nameResolution.ts";
import {scanSentence} from "./nameScan.ts";

export function extractMentions(document: SourceDocument, sentences: Sentence[]): Mention[] {
  const tokens = sentences.map((sentence) => tokenize(sentence.text, sentence.start));
  const context = {text: document.text, lowercaseWords: lowercaseWords(tokens)};
  const scans = sentences.map((sentence, i) => scanSentence(sentence, tokens[i], context));
  return resolveNames(scans, entityId).map(({occurrence, resolved}) => ({
    doc_id: document.doc_id,
    sentence_id: occurrence.sentence.sentence_id,
    entity_id: entityId(resolved.name),
    start: occurrence.start,
    end: occurrence.end,
    text: document.text.slice(occurrence.start, occurrence.end),
    name: resolved.name,
    type: resolved.type
  }));
}

/**
 * A stable id for a canonical name: "Mistral AI" → "mistral-ai", "Timothée Lacroix" → "timothee-lacroix". A leading
 * article is dropped, so "The Example Journal" and "Example Journal" are one entity.
 */
export function entityId(name: string): string {
  const slug = fold(name)
    .replace(/^the\s+/u, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/gu, "");
  return slug || "unnamed";
}

/** Words the document writes in lower case somewhere: the same word capitalised is probably not a name. */
function lowercaseWords(sentences: NameToken[][]): Set<string> {
  const words = new Set<string>();
  for (const tokens of sentences) for (const token of tokens) if (token.lower) words.add(token.fold);
  return words;
}
