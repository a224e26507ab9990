import abbreviations from "../lexicons/abbreviations.json" with {type: "json"};

export interface Span {
  start: number;
  end: number;
}

// The platform's (ICU's) sentence rules: they keep decimals, URLs and quotes together, and end a sentence at a full
// stop only before a capital letter; the abbreviation lexicon decides the full stops that precede a capital.
const segmenter = new Intl.Segmenter("en", {granularity: "sentence"});
const TITLES = new Set(abbreviations.titles);
const ABBREVIATIONS = new Set(abbreviations.abbreviations);
const SENTENCE_STARTERS = new Set(abbreviations.sentenceStarters);

const LIST_MARKER = /^\s*(?:[-*•–]\s+|\d{1,2}[.)]\s+)?/;

/** Closing punctuation with more text after it on the same line: only a line with one can hold two sentences. */
const INNER_BOUNDARY = /[.!?…]["”’')\]]*\s+\S/;

const LAST_WORD_BEFORE_STOP = /([^\s"“‘'(\[]+)\.$/;
const INITIALS = /^(?:\p{Lu}\.)*\p{Lu}$/u;
const FIRST_WORD = /^["“‘'(\[]*(\p{L}+)/u;

/**
 * Sentence spans of a text. Every line break ends a sentence, because news text puts headings, list items and
 * captions on lines of their own without closing punctuation; within a line, the platform's sentence segmenter finds
 * the boundaries, and none is made right after a title ("Mr.") or, unless the next word usually starts a sentence,
 * after an abbreviation or initials ("Inc.", "U.S."). Spans exclude the surrounding whitespace and list markers
 * ("- ", "• ", "1. ").
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let lineStart = 0;
  for (const line of text.split("\n")) {
    const from = LIST_MARKER.exec(line)![0].length;
    for (const span of INNER_BOUNDARY.test(line) ? sentencesOfLine(line, from) : [{start: from, end: line.length}]) {
      const piece = line.slice(span.start, span.end);
      const start = span.start + piece.length - piece.trimStart().length;
      const end = span.start + piece.trimEnd().length;
      if (end > start) spans.push({start: lineStart + start, end: lineStart + end});
    }
    lineStart += line.length + 1;
  }
  return spans;
}

/** The segmenter's sentences of one line, from `from`, each with its trailing whitespace. */
function sentencesOfLine(line: string, from: number): Span[] {
  const spans: Span[] = [];
  for (const {segment, index} of segmenter.segment(line.slice(from))) {
    const start = from + index;
    const previous = spans.at(-1);
    if (previous && continuesAfter(line.slice(previous.start, previous.end), segment)) previous.end = start + segment.length;
    else spans.push({start, end: start + segment.length});
  }
  return spans;
}

/**
 * Whether a segment continues the sentence before it: there is no space between them ("mistral.ai.Today" is a typo,
 * not two sentences, as far as offsets go), or the one before ends on a title, or on an abbreviation or initials
 * followed by a word that does not usually start a sentence.
 */
function continuesAfter(before: string, after: string): boolean {
  if (!/\s$/.test(before)) return true;
  const word = LAST_WORD_BEFORE_STOP.exec(before.trimEnd())?.[1];
  if (!word) return false;
  const lower = word.toLowerCase();
  if (TITLES.has(lower)) return true;
  if (!ABBREVIATIONS.has(lower) && !INITIALS.test(word)) return false;
  const next = FIRST_WORD.exec(after)?.[1];
  return !next || !SENTENCE_STARTERS.has(next.toLowerCase());
}
