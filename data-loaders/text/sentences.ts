import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

export interface Span {
  start: number;
  end: number;
}

// Only wink's sentence-boundary pass: it knows abbreviations ("U.S.", "Inc.") that a regular expression would split on.
const nlp = winkNLP(model, ["sbd"]);

const LIST_MARKER = /^\s*(?:[-*•–]\s+|\d{1,2}[.)]\s+)?/;

/**
 * Sentence spans of a text. wink splits the whole text into sentences in one pass; each is then cut at line breaks,
 * because news text puts headings, list items and captions on lines of their own without closing punctuation. Spans
 * exclude the surrounding whitespace and list markers ("- ", "• ", "1. ").
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  for (const sentence of winkSentences(text) ?? lineByLine(text)) {
    let lineStart = sentence.start;
    for (const line of text.slice(sentence.start, sentence.end).split("\n")) {
      const atLineStart = lineStart === 0 || text[lineStart - 1] === "\n";
      const start = lineStart + (atLineStart ? LIST_MARKER.exec(line)![0].length : line.length - line.trimStart().length);
      const end = lineStart + line.trimEnd().length;
      if (end > start) spans.push({start, end});
      lineStart += line.length + 1;
    }
  }
  return spans;
}

/** wink's sentences as spans of the text, or null if wink's text of a sentence ever differs from the text. */
function winkSentences(text: string): Span[] | null {
  const spans: Span[] = [];
  let cursor = 0;
  for (const value of nlp.readDoc(text).sentences().out() as string[]) {
    const start = text.indexOf(value, cursor);
    if (start < 0) return null;
    const previous = spans.at(-1);
    // A boundary with no space after it is inside a token wink split ("v2.5", "3.9bn"), not between sentences.
    if (previous && previous.end === start) previous.end = start + value.length;
    else spans.push({start, end: start + value.length});
    cursor = start + value.length;
  }
  return spans;
}

/** wink's sentences line by line, each line one sentence where wink's text differs from it (it expands some tokens). */
function lineByLine(text: string): Span[] {
  const spans: Span[] = [];
  let lineStart = 0;
  for (const line of text.split("\n")) {
    for (const span of winkSentences(line) ?? [{start: 0, end: line.length}]) spans.push({start: lineStart + span.start, end: lineStart + span.end});
    lineStart += line.length + 1;
  }
  return spans;
}
