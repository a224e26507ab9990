import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

export interface Span {
  start: number;
  end: number;
}

// Only wink's sentence-boundary pass: it knows abbreviations ("U.S.", "Inc.") that a regular expression would split on.
const nlp = winkNLP(model, ["sbd"]);
const its = nlp.its;

/**
 * Sentence spans of a text. Lines are split first, because news text puts headings, list items and captions on
 * lines of their own without closing punctuation; wink then splits each line into sentences. Spans exclude the
 * surrounding whitespace and list markers ("- ", "• ", "1. ").
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let lineStart = 0;
  for (const line of text.split("\n")) {
    const marker = /^\s*(?:[-*•–]\s+|\d{1,2}[.)]\s+)?/.exec(line)![0].length;
    if (line.trim()) {
      for (const span of splitLine(line.slice(marker))) {
        spans.push({start: lineStart + marker + span.start, end: lineStart + marker + span.end});
      }
    }
    lineStart += line.length + 1;
  }
  return spans;
}

function splitLine(line: string): Span[] {
  const doc = nlp.readDoc(line);
  const values = doc.tokens().out() as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const spans: Span[] = [];
  let offset = 0;
  const tokenStarts: number[] = [];
  const tokenEnds: number[] = [];
  for (let i = 0; i < values.length; ++i) {
    offset += spaces[i].length;
    tokenStarts.push(offset);
    offset += values[i].length;
    tokenEnds.push(offset);
  }
  doc.sentences().each((sentence: {out: (f: unknown) => unknown}) => {
    const [first, last] = sentence.out(its.span) as unknown as [number, number];
    const previous = spans.at(-1);
    // A boundary with no space after it is inside a token wink split ("v2.5", "3.9bn"), not between sentences.
    if (previous && previous.end === tokenStarts[first]) previous.end = tokenEnds[last];
    else spans.push({start: tokenStarts[first], end: tokenEnds[last]});
  });
  // wink expands some tokens (contractions); if its offsets ever disagree with the line, fall back to one sentence.
  const consistent = offset === line.trimEnd().length || line.slice(offset).trim() === "";
  return consistent && spans.length ? spans : [{start: line.length - line.trimStart().length, end: line.trimEnd().length}];
}
