/** The cue lists of lexicons/entity-cues.json, compiled once into sets and phrase indexes. */
import cues from "../lexicons/entity-cues.json" with {type: "json"};
import type {EntityType} from "../types.ts";
import {fold, isHyphen, isSpace, type NameToken, tokenize} from "./nameTokens.ts";

export interface Cue {
  words: string[];
  type: EntityType;
  weight: number;
  /** How many words may stand between the cue and the name. */
  reach: number;
}

/** Phrases keyed by one of their words, longest first, so a lookup is one map access and a short scan. */
export type PhraseIndex = Map<string, string[][]>;

const words = (phrase: string): string[] => tokenize(phrase).map((token) => token.fold);
const set = (list: string[]): Set<string> => new Set(list.map(fold));

function phraseIndex(phrases: string[], key: "first" | "last"): PhraseIndex {
  const index: PhraseIndex = new Map();
  for (const phrase of phrases) {
    const tokens = words(phrase);
    if (!tokens.length) continue;
    const at = key === "first" ? tokens[0] : tokens[tokens.length - 1];
    index.set(at, [...(index.get(at) ?? []), tokens]);
  }
  for (const list of index.values()) list.sort((a, b) => b.length - a.length);
  return index;
}

function cueIndex(groups: {type: string; weight: number; reach?: number; cues: string[]}[], key: "first" | "last"): Map<string, Cue[]> {
  const index = new Map<string, Cue[]>();
  for (const group of groups) {
    for (const phrase of group.cues) {
      const tokens = words(phrase);
      if (!tokens.length) continue;
      const at = key === "first" ? tokens[0] : tokens[tokens.length - 1];
      index.set(at, [...(index.get(at) ?? []), {words: tokens, type: group.type as EntityType, weight: group.weight, reach: group.reach ?? 0}]);
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length || b.weight - a.weight);
  return index;
}

export const CUES = {
  titles: phraseIndex(cues.titles, "first"),
  titleWords: set(cues.titles.filter((title) => !/\s/.test(title))),
  /** Case-sensitive: "SA" is a legal form, "sa" is not. */
  corporateSuffixes: new Set(cues.corporate_suffixes.flatMap((suffix) => [suffix, suffix.replace(/\.$/, "")])),
  givenNames: set(cues.given_names),
  organizationWords: set(cues.organization_words),
  describingWords: set(cues.describing_words),
  placeWords: set(cues.place_words),
  eventWords: set(cues.event_words),
  productSuffixes: set(cues.product_suffixes),
  productWords: set(cues.product_words),
  connectors: phraseIndex(cues.connectors, "first"),
  before: cueIndex(cues.triggers_before, "last"),
  after: cueIndex(cues.triggers_after, "first"),
  placeBlockers: set(cues.place_in_blockers),
  stoplist: set(cues.stoplist),
  notAlone: set(cues.not_alone),
  notNames: phraseIndex(cues.not_names, "first"),
  adjectiveEndings: new RegExp(`(?:${cues.adjective_endings.join("|")})$`, "u")
};

/**
 * The longest phrase of an index that starts at token i, in tokens (0 when none). Words of a phrase may be separated
 * by spaces or a hyphen, never by other punctuation.
 */
export function phraseAt(index: PhraseIndex, tokens: NameToken[], i: number): number {
  const candidates = index.get(tokens[i].fold);
  if (!candidates) return 0;
  for (const phrase of candidates) {
    if (i + phrase.length > tokens.length) continue;
    let k = 1;
    while (k < phrase.length && tokens[i + k].fold === phrase[k] && joined(tokens[i + k].gap)) ++k;
    if (k === phrase.length) return k;
  }
  return 0;
}

export const joined = (gap: string): boolean => isSpace(gap) || isHyphen(gap) || gap === "";
