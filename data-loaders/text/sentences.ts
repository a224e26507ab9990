import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

export interface Span {
  start: number;
  end: number;
}

// Only wink's sentence-boundary pass: it knows abbreviations ("U.S.", "Inc.") that a regular expression would split on.
const nlp = winkNLP(model, ["sbd"]);

const LIST_MARKER = /^\s*(?:[-*•–]\s+|\d{1,2}[.)]\s+)?/;

/** Closing punctuation with more text after it on the same line: only a line with one can hold two sentences. */
const INNER_BOUNDARY = /[.!?…]["”’')\]]*\s+\S/;

/**
 * Sentence spans of a text. Every line break ends a sentence, because news text puts headings, list items and
 * captions on lines of their own without closing punctuation; within a line, wink finds the boundaries. A line with
 * no closing punctuation before its end is one sentence, and is not handed to wink at all: headings, bylines and
 * one-sentence paragraphs are a large share of news text, and wink tokenises everything it is given. Spans exclude
 * the surrounding whitespace and list markers ("- ", "• ", "1. ").
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  for (const sentence of lineByLine(text)) {
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

/** wink's sentences line by line, each line one sentence where it cannot hold two or where wink's text differs from it (it expands some tokens). */
function lineByLine(text: string): Span[] {
  const spans: Span[] = [];
  let lineStart = 0;
  for (const line of text.split("\n")) {
    const whole = [{start: 0, end: line.length}];
    for (const span of INNER_BOUNDARY.test(line) ? (winkSentences(line) ?? whole) : whole) spans.push({start: lineStart + span.start, end: lineStart + span.end});
    lineStart += line.length + 1;
  }
  return spans;
}
