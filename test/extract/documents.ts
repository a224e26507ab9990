/** Test inputs for the extraction steps: a document and its sentences from plain text, and mentions made by hand. */
import {splitSentences} from "../../data-loaders/text/sentences.ts";
import type {EntityType, Mention, Sentence, SourceDocument} from "../../data-loaders/types.ts";

export interface Parsed {
  document: SourceDocument;
  sentences: Sentence[];
}

export function parse(text: string, {doc_id = "doc", published = ""}: {doc_id?: string; published?: string} = {}): Parsed {
  const document = {doc_id, file: `${doc_id}.txt`, title: "", outlet: "", url: "", published, text, sha256: ""};
  const sentences = splitSentences(text).map(({start, end}, index) => ({
    sentence_id: `${doc_id}:s${index}`,
    doc_id,
    index,
    start,
    end,
    text: text.slice(start, end)
  }));
  return {document, sentences};
}

/**
 * Mentions of every occurrence of the given surface forms, as the mention extractor would give them: `names` maps a
 * surface form to its canonical name, and optionally a type ("Vibe": ["Vibe", "product"]); longer forms win.
 */
export function mentionsOf({document, sentences}: Parsed, names: Record<string, string | [string, EntityType]>): Mention[] {
  const forms = Object.keys(names).sort((a, b) => b.length - a.length);
  const taken: [number, number][] = [];
  const mentions: Mention[] = [];
  for (const form of forms) {
    const [name, type] = typeof names[form] === "string" ? [names[form] as string, "organization" as EntityType] : (names[form] as [string, EntityType]);
    for (let start = document.text.indexOf(form); start >= 0; start = document.text.indexOf(form, start + 1)) {
      const end = start + form.length;
      if (/[\p{L}\p{N}]/u.test(document.text[start - 1] ?? "") || /[\p{L}\p{N}]/u.test(document.text[end] ?? "")) continue;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      const sentence = sentences.find((s) => start >= s.start && end <= s.end);
      if (!sentence) continue;
      taken.push([start, end]);
      const entity_id = name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-");
      mentions.push({doc_id: document.doc_id, sentence_id: sentence.sentence_id, entity_id, start, end, text: form, name, type});
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}
