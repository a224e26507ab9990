/**
 * One sentence's names: known names from the lexicon first (longest match), then capitalised runs the lexicon does
 * not know, kept only where capitals mean a name and not just the start of a sentence or a heading.
 */
import type {Sentence} from "../types.ts";
import {CUES, phraseAt} from "./entityCues.ts";
import {type KnownName, LEXICON, matchKnown} from "./entityLexicon.ts";
import {
  isAllCaps,
  isHyphen,
  isInnerCapitalised,
  isSpace,
  isVersion,
  type NameToken
} from "./nameTokens.ts";
import {type Owner, type Votes, votesFor} from "./nameVotes.ts";

export interface Occurrence {
  sentence: Sentence;
  start: number;
  end: number;
  /** The name as written, without a legal-form suffix, with its maker when it has one ("ElevenLabs Flash v2.5"). */
  surface: string;
  /** Folded words of the name as it appears in the text, for finding it again elsewhere in the document. */
  words: string[];
  known?: KnownName;
  votes: Votes;
}

export interface SentenceScan {
  sentence: Sentence;
  tokens: NameToken[];
  /** Why each token is taken, if it is. Untaken tokens may still be a name seen elsewhere in the document. */
  taken: (Mark | undefined)[];
  occurrences: Occurrence[];
}

type Mark = "name" | "title" | "not_name";

export interface ScanContext {
  text: string;
  /** Folded words the document writes in lower case somewhere: capitalised, they are probably not names. */
  lowercaseWords: Set<string>;
}

export function scanSentence(sentence: Sentence, tokens: NameToken[], context: ScanContext): SentenceScan {
  const scan: SentenceScan = {sentence, tokens, taken: new Array(tokens.length), occurrences: []};
  const makers = new Map<number, string>();
  const knownAt = new Map<number, {occurrence: Occurrence; last: number}>();

  for (let i = 0; i < tokens.length; ) {
    const known = knownNameAt(tokens, i, scan.taken);
    const notName = tokens[i].upper ? phraseAt(CUES.notNames, tokens, i) : 0;
    const title = phraseAt(CUES.titles, tokens, i);
    const knownLength = known ? known.end - i : 0;
    if (knownLength && knownLength >= notName && knownLength >= title) {
      const votes: Votes = known!.grown ? {organization: 3} : {};
      const occurrence = occurrenceOf(scan, i, known!.last, known!.end, known!.entry, known!.grown, votes);
      knownAt.set(i, {occurrence, last: known!.end});
      scan.occurrences.push(occurrence);
      if (known!.entry.type === "organization" && !known!.grown) makers.set(known!.end, known!.entry.name);
      mark(scan, i, known!.end, "name");
      i = known!.end;
    } else if (notName || title) {
      mark(scan, i, i + Math.max(notName, title), notName >= title ? "not_name" : "title");
      i += Math.max(notName, title);
    } else ++i;
  }

  const heading = isHeading(context.text, sentence, tokens);
  for (let i = 0; i < tokens.length; ) {
    const startsWithPlace = placeBeforeOrganization(tokens, i, scan.taken, knownAt);
    if (!startsWithPlace && (scan.taken[i] || !canStart(tokens, i, scan.taken))) {
      ++i;
      continue;
    }
    const run = extendRun(tokens, i, scan.taken, knownAt);
    const maker = makers.get(i);
    const owner = maker && isSpace(tokens[i].gap) ? {name: maker, possessive: false} : maker && POSSESSIVE_GAP.test(tokens[i].gap) ? {name: maker, possessive: true} : undefined;
    const accepted = acceptRun(scan, run, heading, context, owner);
    if (accepted) {
      for (const absorbed of run.absorbs) {
        if (absorbed.start >= accepted.occurrence.start) scan.occurrences.splice(scan.occurrences.indexOf(absorbed), 1);
      }
      scan.occurrences.push(accepted.occurrence);
      mark(scan, accepted.from, accepted.end, "name");
    } else if (run.event) mark(scan, i, run.last, "not_name");
    i = Math.max(run.last, i + 1);
  }
  scan.occurrences.sort((a, b) => a.start - b.start);
  return scan;
}

function mark(scan: SentenceScan, from: number, to: number, why: Mark): void {
  for (let k = from; k < to; ++k) scan.taken[k] = why;
}

export function occurrenceOf(scan: SentenceScan, first: number, last: number, end: number, known?: KnownName, grown = false, votes: Votes = {}, maker?: string): Occurrence {
  const {tokens, sentence} = scan;
  const text = sentence.text;
  const offset = sentence.start;
  let stop = tokens[end - 1].end;
  // "Example Inc." keeps its full stop; a sentence's final full stop after "Example AG" stays the sentence's.
  if (end > last && /^\p{Lu}\p{Ll}{1,3}$/u.test(tokens[end - 1].text) && text[stop - offset] === ".") stop += 1;
  const surface = text.slice(tokens[first].start - offset, tokens[last - 1].end - offset).replace(/\s+/gu, " ");
  return {
    sentence,
    start: tokens[first].start,
    end: stop,
    surface: maker ? `${maker} ${surface}` : surface,
    words: tokens.slice(first, last).map((token) => token.fold),
    known: grown ? undefined : known,
    votes
  };
}

/**
 * The known name at token i, grown over what still belongs to it: a version or variant after a product ("Nemotron 4",
 * "Voxtral TTS"), a legal form after a company ("Nvidia Corp."). An organisation word after it makes a new, longer
 * organisation ("Nemotron Coalition"), which is `grown`. Known names glued by a hyphen to an unknown capitalised word
 * are left to the general rules ("Jean-Claude", "Paris-Saclay" when Saclay is unknown).
 */
function knownNameAt(tokens: NameToken[], i: number, taken: (Mark | undefined)[]): {entry: KnownName; last: number; end: number; grown: boolean} | undefined {
  const match = matchKnown(tokens, i);
  if (!match) return undefined;
  const {entry} = match;
  let end = i + match.length;
  const previous = tokens[i - 1];
  const next = tokens[end];
  if (previous && isHyphen(tokens[i].gap) && previous.upper && taken[i - 1] !== "name") return undefined;
  if (next && isHyphen(next.gap) && next.upper && !LEXICON.patterns.has(next.fold)) return undefined;
  if (match.length === 1 && entry.type !== "person") {
    // "Michael Bloomberg", "Claude Shannon": a given name next to a one-word known name makes a person.
    if (previous && !taken[i - 1] && isSpace(tokens[i].gap) && CUES.givenNames.has(previous.fold) && previous.upper) return undefined;
    if (next && isSpace(next.gap) && CUES.givenNames.has(tokens[i].fold) && next.upper && !isAllCaps(next.text) &&
      !CUES.productSuffixes.has(next.fold) && !CUES.stoplist.has(next.fold) && !CUES.titleWords.has(next.fold) && !LEXICON.patterns.has(next.fold)) return undefined;
  }
  let last = end;
  let grown = false;
  if (entry.type === "product") {
    for (let k = 0; k < 3 && end < tokens.length && (isSpace(tokens[end].gap) || isHyphen(tokens[end].gap)); ++k) {
      const token = tokens[end];
      if (!isVersion(token.text) && !(token.upper && CUES.productSuffixes.has(token.fold))) break;
      end += 1;
    }
    last = end;
  }
  if (entry.type !== "person" && entry.type !== "place") {
    while (end < tokens.length && isSpace(tokens[end].gap) && tokens[end].upper &&
      CUES.organizationWords.has(tokens[end].fold) && !CUES.describingWords.has(tokens[end].fold) && !CUES.corporateSuffixes.has(tokens[end].text)) {
      end += 1;
      grown = true;
    }
    last = end;
    if (end < tokens.length && CUES.corporateSuffixes.has(tokens[end].text) && (isSpace(tokens[end].gap) || /^,\s+$/u.test(tokens[end].gap))) end += 1;
  }
  return {entry, last, end, grown};
}

/** Whether a capitalised name may start at token i. */
function canStart(tokens: NameToken[], i: number, taken: (Mark | undefined)[]): boolean {
  const token = tokens[i];
  if (!token.upper) return false;
  // A capitalised "The" inside a sentence belongs to the name after it ("published by The Example Journal").
  if (token.text === "The") return !isTrivialPosition(tokens, i) && i + 1 < tokens.length && !taken[i + 1] && isSpace(tokens[i + 1].gap) && canContinue(tokens, i + 1);
  if (CUES.stoplist.has(token.fold)) return false;
  return !gluedToLowercase(tokens, i) || isPlaceAdjective(tokens, i);
}

function canContinue(tokens: NameToken[], j: number): boolean {
  const token = tokens[j];
  return token.upper && !CUES.stoplist.has(token.fold) && !CUES.titleWords.has(token.fold) && !gluedToLowercase(tokens, j);
}

/** "Co-founder", "Open-source", "Europe-facing": a capitalised word hyphenated to a lower-case one is a compound. */
function gluedToLowercase(tokens: NameToken[], i: number): boolean {
  const next = tokens[i + 1];
  return Boolean(next && isHyphen(next.gap) && next.lower);
}

/** "Example-based", "Example-headquartered": the word before the hyphen is a place. */
function isPlaceAdjective(tokens: NameToken[], i: number): boolean {
  return gluedToLowercase(tokens, i) && /^(?:based|headquartered)$/u.test(tokens[i + 1].fold);
}

interface Run {
  first: number;
  /** End of the run (exclusive). */
  last: number;
  /** Known places taken into the name ("University of Example", "West Example Renewables LLC"). */
  absorbs: Occurrence[];
  /** The run names an event ("Example Summit"), which is not an entity. */
  event?: boolean;
}

function extendRun(tokens: NameToken[], i: number, taken: (Mark | undefined)[], knownAt: Map<number, {occurrence: Occurrence; last: number}>): Run {
  const run: Run = {first: i, last: i + 1, absorbs: []};
  if (isPlaceAdjective(tokens, i)) return run;
  let j = i + 1;
  const leading = placeBeforeOrganization(tokens, i, taken, knownAt);
  if (leading) {
    run.absorbs.push(leading.occurrence);
    j = leading.last;
  }
  while (j < tokens.length) {
    const token = tokens[j];
    const gap = token.gap;
    const inner = isSpace(gap) ? placeBeforeOrganization(tokens, j, taken, knownAt) : undefined;
    if (inner) {
      run.absorbs.push(inner.occurrence);
      j = inner.last;
      continue;
    }
    if (!taken[j] && (isSpace(gap) || /^\s*&\s*$/u.test(gap) || (isHyphen(gap) && token.upper)) && canContinue(tokens, j)) {
      j += 1;
      continue;
    }
    if (!taken[j] && isSpace(gap) && isVersion(token.text) && /^v\d|\d\.\d/u.test(token.text)) {
      j += 1;
      continue;
    }
    const connector = !taken[j] && isSpace(gap) && token.lower ? phraseAt(CUES.connectors, tokens, j) : 0;
    const after = j + connector;
    if (connector && after < tokens.length && isSpace(tokens[after].gap)) {
      if (!taken[after] && canContinue(tokens, after)) {
        j = after + 1;
        continue;
      }
      // "University of Example", "Bank of Example": an organisation word, "of", then a known place.
      const place = knownAt.get(after);
      if (place?.occurrence.known?.type === "place" && CUES.organizationWords.has(tokens[i].fold)) {
        run.absorbs.push(place.occurrence);
        j = place.last;
        continue;
      }
    }
    break;
  }
  run.last = j;
  run.event = CUES.eventWords.has(tokens[j - 1].fold);
  return run;
}

/**
 * A known place at token i that starts a longer organisation name: capitalised words follow it and end with an
 * organisation word or a legal form ("Example City Renewables LLC", "London Stock Exchange" if unknown).
 */
function placeBeforeOrganization(tokens: NameToken[], i: number, taken: (Mark | undefined)[], knownAt: Map<number, {occurrence: Occurrence; last: number}>): {occurrence: Occurrence; last: number} | undefined {
  const place = knownAt.get(i);
  if (place?.occurrence.known?.type !== "place" || place.last >= tokens.length || !isSpace(tokens[place.last].gap)) return undefined;
  let j = place.last;
  while (j < tokens.length && !taken[j] && isSpace(tokens[j].gap) && canContinue(tokens, j)) ++j;
  if (j === place.last) return undefined;
  const last = tokens[j - 1];
  const suffixAfter = j < tokens.length && !taken[j] && CUES.corporateSuffixes.has(tokens[j].text) && isSpace(tokens[j].gap);
  const organisation = CUES.organizationWords.has(last.fold) && !CUES.describingWords.has(last.fold);
  return organisation || suffixAfter || CUES.corporateSuffixes.has(last.text) ? place : undefined;
}

/**
 * Whether a run is a name, and the mention it makes. At the start of a sentence or of a quotation, after a colon, or
 * in a heading, capitals say nothing; there a run needs more than its capitals to count.
 */
function acceptRun(scan: SentenceScan, run: Run, heading: boolean, context: ScanContext, owner: Owner | undefined): {occurrence: Occurrence; from: number; end: number} | undefined {
  const {tokens} = scan;
  if (run.event) return undefined;
  let first = run.first;
  let last = run.last;
  let end = last;
  let hasSuffix = false;
  while (last - first >= 2 && CUES.corporateSuffixes.has(tokens[last - 1].text)) {
    last -= 1;
    hasSuffix = true;
  }
  if (!hasSuffix && end < tokens.length && !scan.taken[end] && CUES.corporateSuffixes.has(tokens[end].text) && (isSpace(tokens[end].gap) || /^,\s+$/u.test(tokens[end].gap))) {
    end += 1;
    hasSuffix = true;
  }
  const trivial = isTrivialPosition(tokens, first, scan.taken);
  if (trivial && !heading) {
    // A sentence's first word is capitalised anyway: drop it when the document uses it as a common word.
    while (last - first > 1 && (CUES.stoplist.has(tokens[first].fold) || context.lowercaseWords.has(tokens[first].fold))) {
      first += 1;
      while (first < last && tokens[first].lower) first += 1;
    }
  }
  const words = tokens.slice(first, last).filter((token) => !token.lower);
  if (!words.length || words.every((word) => CUES.notAlone.has(singular(word)) || isVersion(word.text))) return undefined;
  const distinctive = words.some((word) => isInnerCapitalised(word.text)) || hasSuffix;
  const span = {tokens, first, last, end, hasSuffix, owner, taken: (k: number) => scan.taken[k] === "name"};
  const votes = votesFor(span);
  // "ElevenLabs Flash" is named with its maker; "Apple’s App Store" is named as written.
  const maker = owner && !owner.possessive ? owner.name : undefined;
  const occurrence = () => ({occurrence: occurrenceOf(scan, first, last, end, undefined, false, votes, maker), from: first, end});

  // In a heading or a byline ("By Jane Doe") capitals prove nothing, but a given name and one more word still do.
  const namedPerson = words.length === 2 && last - first === 2 && CUES.givenNames.has(words[0].fold) && !CUES.notAlone.has(words[1].fold);
  if (heading) return distinctive || namedPerson ? occurrence() : undefined;
  if (words.length >= 2) return occurrence();
  if (distinctive) return occurrence();
  if (trivial && !isPlaceAdjective(tokens, first)) return undefined;
  const word = words[0];
  const strong = Math.max(...Object.values(votes), 0) >= 2;
  if (word.text.length < 2 || CUES.titleWords.has(word.fold)) return undefined;
  if (isAllCaps(word.text) || PLURAL_INITIALISM.test(word.text) || context.lowercaseWords.has(word.fold)) return strong ? occurrence() : undefined;
  // "Parisian data centre": an adjective from a place name, not a name of its own.
  if (CUES.adjectiveEndings.test(word.fold) && !CUES.givenNames.has(word.fold) && tokens[last]?.lower && isSpace(tokens[last]?.gap ?? "")) return undefined;
  return occurrence();
}

const POSSESSIVE_GAP = /^['’]s\s+$/u;

const PLURAL_INITIALISM = /^\p{Lu}{2,}s$/u;

/** "CTOs" → "cto", "LLMs" → "llm": an initialism's plural is as generic as the initialism. */
function singular(token: NameToken): string {
  return PLURAL_INITIALISM.test(token.text) ? token.fold.slice(0, -1) : token.fold;
}

/** The first word of a sentence, or after a colon or an opening quotation mark or bracket, is capitalised anyway. */
export function isTrivialPosition(tokens: NameToken[], i: number, taken: (Mark | undefined)[] = []): boolean {
  if (i === 0 || /[:“"‘«(\[]\s*$/u.test(tokens[i].gap)) return true;
  // "Machine Learning Engineers…": the sentence's first words were a phrase that is not a name.
  for (let k = 0; k < i; ++k) if (taken[k] !== "not_name") return false;
  return true;
}

/**
 * A heading or a label rather than a sentence: a line of its own with no closing punctuation (and not too long to be
 * a heading), or one written in title case ("What Is Example?").
 */
export function isHeading(text: string, sentence: Sentence, tokens: NameToken[]): boolean {
  const lineEnd = text.indexOf("\n", sentence.end);
  if (text.slice(sentence.end, lineEnd < 0 ? text.length : lineEnd).trim()) return false;
  const lineStart = text.lastIndexOf("\n", sentence.start - 1) + 1;
  if (!/^\s*(?:[-*•–]\s+|\d{1,2}[.)]\s+)?$/u.test(text.slice(lineStart, sentence.start))) return false;
  if (!/[.!?…]["”’»)\]]*$/u.test(sentence.text.trimEnd())) return tokens.length <= 25;
  let content = 0;
  for (const token of tokens) {
    if (CUES.stoplist.has(token.fold) || CUES.connectors.has(token.fold) || !(token.upper || token.lower)) continue;
    if (!token.upper) return false;
    content += 1;
  }
  return content >= 3;
}
