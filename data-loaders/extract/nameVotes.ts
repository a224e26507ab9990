/** What the words around an unknown name say it is: weighted votes for each entity type, from entity-cues.json. */
import type {EntityType} from "../types.ts";
import {CUES, joined, phraseAt} from "./entityCues.ts";
import {isInnerCapitalised, type NameToken} from "./nameTokens.ts";

export type Votes = Partial<Record<EntityType, number>>;

/** When votes tie, the earlier type wins; organisation is also the type of a name nothing else is known about. */
export const TYPE_ORDER: EntityType[] = ["organization", "person", "product", "place"];

export interface Owner {
  name: string;
  /** Written "Example’s X" rather than "Example X". */
  possessive: boolean;
}

export interface NameSpan {
  tokens: NameToken[];
  /** Token indexes: the name is [first, last); the mention may run on to `end` over a legal-form suffix. */
  first: number;
  last: number;
  end: number;
  /** Tokens already taken by another name: context stops there. */
  taken: (i: number) => boolean;
  hasSuffix: boolean;
  /** A known organisation right before the name ("ElevenLabs Flash", "Apple’s App Store"): probably its product. */
  owner?: Owner;
}

const APPOSITION = /^\s*(?:,|—|–|-{1,2}|\()\s*$/u;
const POSSESSIVE_GAP = /^['’]s\s+$/u;
const ARTICLES = new Set(["a", "an", "the", "its", "their", "his", "her", "our", "now", "then", "formerly", "previously", "currently", "also", "still", "later", "since"]);

export function votesFor(span: NameSpan): Votes {
  const votes: Votes = {};
  const vote = (type: EntityType, weight: number) => (votes[type] = Math.max(votes[type] ?? 0, weight));
  const {tokens, first, last} = span;
  // Connectors ("of", "de") and versions ("v2.5") say nothing about the type.
  const words = tokens.slice(first, last).filter((token) => !token.lower);
  if (!words.length) return votes;
  const head = words[0].fold;
  const tail = words[words.length - 1].fold;
  const several = words.length >= 2;

  if (span.hasSuffix) vote("organization", 4);
  if (several && CUES.organizationWords.has(tail)) vote("organization", 3);
  if (several && CUES.organizationWords.has(head) && tokens[first + 1]?.fold === "of") vote("organization", 3);
  if (several && CUES.placeWords.has(tail)) vote("place", 2);
  if (several && CUES.productWords.has(head)) vote("product", 3);
  if (several && words.length <= 3 && CUES.givenNames.has(head) && !words.some((w) => CUES.organizationWords.has(w.fold))) vote("person", 3);
  // After a possessive a one-word name is as likely a person ("Example’s Doe") as a product.
  if (span.owner) vote(CUES.organizationWords.has(tail) ? "organization" : "product", span.owner.possessive && !several ? 1 : 2);
  if (words.some((word) => isInnerCapitalised(word.text))) vote("organization", 1);
  // "Example-based": a place, whatever the compound it qualifies ("a Example-based chatbot maker").
  if (tokens[span.end]?.gap === "-" && /^(?:based|headquartered)$/u.test(tokens[span.end].fold)) return {place: 4};

  voteBefore(span, words.length, vote);
  voteAfter(span, words.length, vote);
  return votes;
}

/** Cues ending up to four words before the name: "acquired X", "startup X", "based in X", "CEO X". */
function voteBefore(span: NameSpan, words: number, vote: (type: EntityType, weight: number) => void): void {
  const {tokens, first} = span;
  const window: NameToken[] = [];
  for (let k = first - 1; k >= 0 && window.length < 5 && !span.taken(k); --k) {
    const gap = tokens[k + 1].gap;
    if (!joined(gap) && !(k === first - 1 && APPOSITION.test(gap))) break;
    window.unshift(tokens[k]);
  }
  // A title right before: a person if the name has several words ("CEO Jane Doe"), weak evidence for one word.
  for (let start = 0; start < window.length; ++start) {
    const length = phraseAt(CUES.titles, window, start);
    if (length && start + length === window.length) {
      vote("person", words >= 2 ? 4 : 1);
      break;
    }
  }
  for (let p = window.length - 1; p >= 0; --p) {
    const distance = window.length - 1 - p;
    for (const cue of CUES.before.get(window[p].fold) ?? []) {
      const from = p - cue.words.length + 1;
      if (from < 0 || !cue.words.every((word, k) => window[from + k].fold === word)) continue;
      if (distance > cue.reach) continue;
      if (cue.type === "place" && cue.weight <= 1 && from > 0 && CUES.placeBlockers.has(window[from - 1].fold)) continue;
      vote(cue.type, cue.weight);
    }
  }
}

/** Cues just after the name: "X, a startup…", "X — a new product", "the X model", "X CEO Jane Doe", "Jane Doe said". */
function voteAfter(span: NameSpan, words: number, vote: (type: EntityType, weight: number) => void): void {
  const {tokens} = span;
  const start = span.end;
  if (start >= tokens.length) return;
  const apposition = APPOSITION.test(tokens[start].gap);
  if (!apposition && !joined(tokens[start].gap)) return;
  const window: NameToken[] = [];
  for (let k = start; k < tokens.length && window.length < 5 && !span.taken(k); ++k) {
    if (k > start && !joined(tokens[k].gap) && !POSSESSIVE_GAP.test(tokens[k].gap)) break;
    window.push(tokens[k]);
  }
  // Skip what stands between an appositive and its noun: "Jane Doe, the company's chief executive".
  let p = 0;
  while (apposition && p < window.length - 1 && (ARTICLES.has(window[p].fold) || POSSESSIVE_GAP.test(window[p + 1].gap))) ++p;
  if (p >= window.length) return;
  if (phraseAt(CUES.titles, window, p) && (apposition || p === 0)) {
    // "Jane Doe, chief executive of…" is a person; "Example CEO Jane Doe" makes Example an organisation.
    vote(apposition ? "person" : "organization", 3);
    return;
  }
  for (let q = p; q < window.length; ++q) {
    const distance = q - p;
    for (const cue of CUES.after.get(window[q].fold) ?? []) {
      if (!cue.words.every((word, k) => window[q + k]?.fold === word)) continue;
      if (cue.weight <= 1 && (distance > 0 || words < 2 || words > 3)) continue;
      if (!apposition && distance > 2) continue;
      vote(cue.type, cue.weight);
    }
  }
}

/** The winning type of summed votes. */
export function typeOf(votes: Votes): EntityType {
  let best: EntityType = "organization";
  let bestWeight = 0;
  for (const type of TYPE_ORDER) {
    const weight = votes[type] ?? 0;
    if (weight > bestWeight) [best, bestWeight] = [type, weight];
  }
  return best;
}

export function addVotes(total: Votes, votes: Votes): Votes {
  for (const type of TYPE_ORDER) if (votes[type]) total[type] = (total[type] ?? 0) + votes[type]!;
  return total;
}
