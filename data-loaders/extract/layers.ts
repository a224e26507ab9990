/**
 * Tags each sentence with the layers of the AI stack it speaks of (energy up to finance) and the cue words that said
 * so. The cue lists are lexicons/layers.json, compiled once into an index keyed by word, so tagging is one pass over a
 * sentence's words whatever the number of cues.
 */
import layerCues from "../lexicons/layers.json" with {type: "json"};
import type {Layer, LayerTag, Sentence, SourceDocument} from "../types.ts";

/** The stack, bottom to top: the order of a sentence's tags. */
export const LAYERS: Layer[] = ["energy", "compute", "models", "platform", "applications", "go_to_market", "sovereignty", "finance"];

interface Word {
  word: string;
  /** Only a space or a hyphen (or nothing, as in "44mw") separates it from the word before. */
  joined: boolean;
}

// Letters and digits are separate words, so "44MW" gives "44" and "mw"; apostrophes end a word ("Mistral's").
const WORD = /\p{L}[\p{L}\p{M}]*|\p{N}+(?:[.,]\p{N}+)*/gu;

function splitWords(text: string): Word[] {
  const words: Word[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(WORD)) {
    const gap = text.slice(previousEnd, match.index);
    const joined = gap === " " || gap === "-" || gap === "" || /^(?:[ \t\u00a0]+|\s*[-‑]\s*)$/u.test(gap);
    words.push({word: match[0], joined: words.length > 0 && joined});
    previousEnd = match.index! + match[0].length;
  }
  return words;
}

interface CuePattern {
  /** The cue as reported in a tag: lower case, without its "+" or "=" marker. */
  cue: string;
  layer: number;
  /** A "not" phrase: where it matches, the layer's cues inside it do not count. */
  negative: boolean;
  /** Accepted forms of each word. */
  words: Set<string>[];
}

export interface LayerLexicon {
  /** Any accepted form of a first word → the patterns starting with it, longest first. */
  index: Map<string, CuePattern[]>;
}

type LayerCues = Record<string, {cues: string[]; not?: string[]}>;

export function compileLayers(data: Record<string, unknown>): LayerLexicon {
  const index = new Map<string, CuePattern[]>();
  for (const key of Object.keys(data)) {
    if (key.startsWith("_")) continue;
    const layer = LAYERS.indexOf(key as Layer);
    if (layer < 0) throw new Error(`layers.json: "${key}" is not a layer (${LAYERS.join(", ")})`);
    const {cues, not = []} = (data as LayerCues)[key];
    for (const [list, negative] of [[cues, false], [not, true]] as const) {
      for (const written of list) {
        const pattern = compileCue(written, layer, negative);
        if (!pattern) continue;
        for (const form of pattern.words[0]) index.set(form, [...(index.get(form) ?? []), pattern]);
      }
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return {index};
}

function compileCue(written: string, layer: number, negative: boolean): CuePattern | undefined {
  const exact = written.startsWith("=");
  const verb = written.endsWith("+");
  const cue = written.replace(/^=|\+$/gu, "").toLowerCase().trim();
  const words = splitWords(cue).map(({word}) => word);
  if (!words.length) return undefined;
  return {
    cue,
    layer,
    negative,
    words: words.map((word, i) => new Set(i < words.length - 1 || exact ? [word] : inflections(word, verb)))
  };
}

/** A word's plural, and its simple verb forms when asked: the inflection rules described in layers.json. */
export function inflections(word: string, verb: boolean): string[] {
  const forms = [word];
  if (!/\p{L}$/u.test(word)) return forms;
  forms.push(`${word}s`, `${word}es`);
  if (/[^aeiou]y$/u.test(word)) forms.push(`${word.slice(0, -1)}ies`);
  if (verb) {
    if (word.endsWith("e")) forms.push(`${word}d`, `${word.slice(0, -1)}ing`);
    else forms.push(`${word}ed`, `${word}ing`);
    if (/[^aeiou]y$/u.test(word)) forms.push(`${word.slice(0, -1)}ied`);
  }
  return forms;
}

const LEXICON = compileLayers(layerCues);

/** One row per sentence and layer it speaks of, in sentence order and then stack order. */
export function tagLayers(_document: SourceDocument, sentences: Sentence[], lexicon: LayerLexicon = LEXICON): LayerTag[] {
  const tags: LayerTag[] = [];
  for (const sentence of sentences) {
    const cues = cuesOf(sentence.text, lexicon);
    cues.forEach((found, layer) => {
      if (found.length) tags.push({doc_id: sentence.doc_id, sentence_id: sentence.sentence_id, layer: LAYERS[layer], cues: found});
    });
  }
  return tags;
}

/** The distinct cues of each layer in a text, in order of first appearance. */
function cuesOf(text: string, lexicon: LayerLexicon): string[][] {
  const words = splitWords(text.toLowerCase());
  const found: string[][] = LAYERS.map(() => []);
  // Per layer, where the last match ended: a cue inside a longer match of the same layer does not count twice.
  const coveredUntil = LAYERS.map(() => 0);
  for (let i = 0; i < words.length; ++i) {
    const candidates = lexicon.index.get(words[i].word);
    if (!candidates) continue;
    const best = new Map<number, CuePattern>();
    for (const pattern of candidates) {
      if (coveredUntil[pattern.layer] > i || best.has(pattern.layer)) continue;
      if (matchesAt(pattern, words, i)) best.set(pattern.layer, pattern);
    }
    for (const [layer, pattern] of best) {
      coveredUntil[layer] = i + pattern.words.length;
      if (!pattern.negative && !found[layer].includes(pattern.cue)) found[layer].push(pattern.cue);
    }
  }
  return found;
}

function matchesAt(pattern: CuePattern, words: Word[], i: number): boolean {
  if (i + pattern.words.length > words.length) return false;
  for (let k = 1; k < pattern.words.length; ++k) {
    const word = words[i + k];
    if (!word.joined || !pattern.words[k].has(word.word)) return false;
  }
  return true;
}
