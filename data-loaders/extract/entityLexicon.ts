/** The known names of lexicons/entities.csv, compiled once into a matcher keyed by first word. */
import {csvParse} from "d3-dsv";
import {readFileSync} from "node:fs";
import type {EntityType} from "../types.ts";
import {isAllCaps, isCapitalised, isHyphen, isSpace, type NameToken, tokenize} from "./nameTokens.ts";

export interface KnownName {
  name: string;
  type: EntityType;
}

interface Pattern {
  /** The surface form's words as written in the lexicon, with what matching needs to know about each. */
  words: PatternWord[];
  entry: KnownName;
}

interface PatternWord {
  text: string;
  fold: string;
  allCaps: boolean;
  article: boolean;
  upper: boolean;
}

export interface Lexicon {
  /** Folded first word (or "the" and the second) → every surface form starting with it, longest first. */
  patterns: Map<string, Pattern[]>;
  /** Folded surface form → its entry, for asking whether a name is known. */
  surfaces: Map<string, KnownName>;
}

const TYPES = new Set<string>(["organization", "person", "product", "place"]);

/**
 * Reads `name,type,aliases` rows (aliases joined with "|"). A surface form listed twice keeps its first entry, so the
 * order of rows settles conflicts.
 */
export function compileLexicon(csv: string): Lexicon {
  const patterns = new Map<string, Pattern[]>();
  const surfaces = new Map<string, KnownName>();
  for (const [row, {name, type, aliases}] of csvParse(csv).entries()) {
    if (!name?.trim() || !TYPES.has(type ?? "")) throw new Error(`entities.csv row ${row + 2}: needs a name and a type (organization, person, product or place)`);
    const entry: KnownName = {name: name.trim(), type: type as EntityType};
    for (const surface of [entry.name, ...(aliases ? aliases.split("|") : [])].map((s) => s.trim()).filter(Boolean)) {
      const key = tokenize(surface).map((token) => token.fold).join(" ");
      if (!key || surfaces.has(key)) continue;
      surfaces.set(key, entry);
      const words = tokenize(surface).map(({text, fold}) => ({text, fold, allCaps: isAllCaps(text), article: fold === "the", upper: isCapitalised(text)}));
      // Names led by an article are filed under the article and the next word, so a "the" in the text costs one lookup.
      const first = words[0].article && words.length > 1 ? `the ${words[1].fold}` : words[0].fold;
      patterns.set(first, [...(patterns.get(first) ?? []), {words, entry}]);
    }
  }
  for (const list of patterns.values()) list.sort((a, b) => b.words.length - a.words.length);
  return {patterns, surfaces};
}

export const LEXICON = compileLexicon(readFileSync(new URL("../lexicons/entities.csv", import.meta.url), "utf8"));

/** The entry a name or alias belongs to, whatever its case and accents. */
export function knownName(name: string, lexicon: Lexicon = LEXICON): KnownName | undefined {
  return lexicon.surfaces.get(tokenize(name).map((token) => token.fold).join(" "));
}

/** The longest known name starting at token i, and how many tokens it spans. */
export function matchKnown(tokens: NameToken[], i: number, lexicon: Lexicon = LEXICON): {entry: KnownName; length: number} | undefined {
  const token = tokens[i];
  const candidates = token.fold === "the" ? tokens[i + 1] && lexicon.patterns.get(`the ${tokens[i + 1].fold}`) : lexicon.patterns.get(token.fold);
  if (!candidates) return pluralProduct(token, lexicon);
  for (const {words, entry} of candidates) {
    if (i + words.length > tokens.length) continue;
    let k = 0;
    while (k < words.length && sameWord(tokens[i + k], words[k]) && (k === 0 || isSpace(tokens[i + k].gap) || isHyphen(tokens[i + k].gap))) ++k;
    if (k === words.length) return {entry, length: k};
  }
  return undefined;
}

/** "H100s", "TPUs": the plural of a one-word product. */
function pluralProduct(token: NameToken, lexicon: Lexicon): {entry: KnownName; length: number} | undefined {
  if (token.text.length < 3 || !token.text.endsWith("s")) return undefined;
  const singular = token.text.slice(0, -1);
  for (const {words, entry} of lexicon.patterns.get(token.fold.slice(0, -1)) ?? []) {
    if (words.length === 1 && entry.type === "product" && sameWord({...token, text: singular, fold: token.fold.slice(0, -1)}, words[0])) return {entry, length: 1};
  }
  return undefined;
}

/**
 * Case rules that keep common words out: an all-capitals form ("US", "AWS") matches only itself, so "us" is never
 * the United States; other forms match whatever the case of the rest of the word ("NVIDIA", "Deepmind") but only
 * with the same case of first letter, so "apple" is not Apple. A leading article matches either case ("the Guardian").
 */
function sameWord(token: NameToken, word: PatternWord): boolean {
  if (token.fold !== word.fold) return false;
  if (word.allCaps) return token.text === word.text;
  return word.article || token.upper === word.upper;
}
