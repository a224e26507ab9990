/**
 * Building regular expressions from lexicon lists, once, at module load. Lexicon entries are either literal words
 * (escaped here) or regular-expression fragments ("cues", whose spaces match any run of whitespace).
 */

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Literal words as an alternation, longest first so that "US$" is tried before "$". */
export function alternation(words: Iterable<string>): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeRegExp).join("|");
}

/** Cue fragments as an alternation, longest first; a space in a cue matches any whitespace. */
export function cueAlternation(cues: Iterable<string>): string {
  return [...new Set(cues)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(cueSource).join("|");
}

export function cueSource(cue: string): string {
  return cue.replace(/ /g, "\\s+");
}

/**
 * Letters and digits of the Latin script, as a character-class body. Patterns use it for word boundaries instead of
 * \p{L} with the u flag: on this workload, case-insensitive patterns without the u flag run three to four times faster,
 * and English news is written in Latin letters.
 */
export const WORD = "A-Za-z0-9\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F";

/** A pattern that matches only whole words: no letter or digit touches either end. Case-insensitive by default. */
export function wholeWords(source: string, flags = "gi"): RegExp {
  return new RegExp(`(?<![${WORD}])(?:${source})(?![${WORD}])`, flags);
}

/** "billion" → billion, Billion, BILLION: for words that must match in any case inside a case-sensitive pattern. */
export function caseVariants(words: Iterable<string>): string[] {
  const variants: string[] = [];
  for (const word of words) variants.push(word, word[0].toUpperCase() + word.slice(1), word.toUpperCase());
  return variants;
}

/** The lists of a lexicon object, without its "_about" notes. */
export function entries<T>(record: Record<string, T | string>): [string, T][] {
  return Object.entries(record).filter((entry): entry is [string, T] => !entry[0].startsWith("_"));
}

/**
 * Every match of a global pattern, like String.prototype.matchAll but without cloning the pattern on each call: this
 * runs for every sentence of every document, and the clone was a measurable share of the time.
 */
export function execAll(pattern: RegExp, text: string): RegExpExecArray[] {
  if (!pattern.global) throw new Error(`execAll needs a global pattern: /${pattern.source}/`);
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    found.push(m);
    if (m[0] === "") pattern.lastIndex += 1;
  }
  pattern.lastIndex = 0;
  return found;
}

/** Cue lists with a label each (a metric, an event kind, an instrument), compiled to find them all in one pass. */
export interface LabelledCues {
  /** A cheap test a text must pass to hold any cue: the first word of every cue, when all of them start literally. */
  gate: RegExp | null;
  /** Finds cues of any label: one alternation, longest cue first. */
  any: RegExp;
  /** The label of each literal cue (most are), in lower case, so that a match needs no further test. */
  literal: Map<string, string>;
  /** Per label, a sticky pattern that says how long a match of that label at a position is. */
  labels: [string, RegExp][];
}

export interface LabelledMatch {
  label: string;
  start: number;
  end: number;
}

/**
 * Compiles labelled cue lists. Where cues overlap, the longest match wins ("annual recurring revenue" over "revenue",
 * "raised to date" over "raised"), whatever label each belongs to; ties go to the earlier label. `source` names the
 * lexicon in error messages.
 */
export function compileLabelled(labelled: [string, string[]][], source: string): LabelledCues {
  const literal = new Map<string, string>();
  for (const [label, cues] of labelled) {
    for (const cue of cues) {
      if (new RegExp(`|${cue}`).exec("")!.length > 1) throw new Error(`${source}: cue "${cue}" has a capturing group; use (?:…)`);
      if (!/[\\[\]()?*+.|{}^$]/.test(cue) && !literal.has(cue.toLowerCase())) literal.set(cue.toLowerCase(), label);
    }
  }
  const all = labelled.flatMap(([, cues]) => cues);
  return {
    gate: gateOf(all),
    any: wholeWords(cueAlternation(all)),
    literal,
    labels: labelled.map(([label, cues]) => [label, wholeWords(cueAlternation(cues), "iy")])
  };
}

/** Every labelled cue in a text, in text order, none overlapping. */
export function findLabelled(text: string, {gate, any, literal, labels}: LabelledCues): LabelledMatch[] {
  const found: LabelledMatch[] = [];
  if (gate && !gate.test(text)) return found;
  for (const m of execAll(any, text)) {
    // A literal match is already the longest at its position; a pattern's is found by trying each label there.
    let label = literal.get(m[0].toLowerCase()) ?? "";
    let end = label ? m.index + m[0].length : m.index;
    if (!label) {
      for (const [name, pattern] of labels) {
        pattern.lastIndex = m.index;
        if (pattern.test(text) && pattern.lastIndex > end) [label, end] = [name, pattern.lastIndex];
      }
    }
    if (label) found.push({label, start: m.index, end});
  }
  return found;
}

/**
 * A cheap pre-test for a list of cues: the literal words they start with, in any case, or null when some cue starts
 * with a pattern. Most sentences hold no cue, and this says so faster than the full alternation.
 */
export function gateOf(cues: string[]): RegExp | null {
  const starts = new Set<string>();
  for (const cue of cues) {
    const start = /^[A-Za-z][A-Za-z'-]*/.exec(cue)?.[0];
    if (!start || start.length < 2) return null;
    starts.add(start.slice(0, 4).toLowerCase());
  }
  return new RegExp(alternation(starts), "i");
}
