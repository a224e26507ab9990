/**
 * A document's unknown names, made into entities: occurrences of one name grouped, typed by all their contexts
 * together, short forms resolved to the full name ("Mensch" → "Arthur Mensch"), and the names found once looked for
 * again where capitals alone proved nothing (a sentence's first word, a heading).
 */
import type {EntityType} from "../types.ts";
import {CUES} from "./entityCues.ts";
import type {KnownName} from "./entityLexicon.ts";
import {isHyphen, isSpace} from "./nameTokens.ts";
import {occurrenceOf, type Occurrence, type SentenceScan} from "./nameScan.ts";
import {addVotes, typeOf, type Votes, votesFor} from "./nameVotes.ts";

export interface Resolved {
  name: string;
  type: EntityType;
}

interface Group {
  occurrences: Occurrence[];
  /** Set when the group is a known person's surname used alone. */
  known?: KnownName;
  mergedInto?: Group;
}

/**
 * Resolves every occurrence of the scans to its canonical name and type, adding the occurrences found by looking up
 * the document's own names again. Returns them in text order.
 */
export function resolveNames(scans: SentenceScan[], slug: (name: string) => string): {occurrence: Occurrence; resolved: Resolved}[] {
  const groups = new Map<string, Group>();
  const groupOf = (occurrence: Occurrence): Group => {
    const key = slug(occurrence.surface);
    const group = groups.get(key) ?? {occurrences: []};
    groups.set(key, group);
    return group;
  };
  for (const scan of scans) for (const occurrence of scan.occurrences) if (!occurrence.known) groupOf(occurrence).occurrences.push(occurrence);

  // Surnames of the people named in full, known or not; a surname two people share resolves to neither.
  const surnames = new Map<string, Group | KnownName | null>();
  const addSurname = (words: string[], owner: Group | KnownName) => {
    if (words.length < 2) return;
    const surname = words[words.length - 1];
    surnames.set(surname, surnames.has(surname) && surnames.get(surname) !== owner ? null : owner);
  };
  for (const scan of scans) for (const occurrence of scan.occurrences) if (occurrence.known?.type === "person") addSurname(occurrence.words, occurrence.known);
  for (const group of groups.values()) {
    if (typeOf(votesOf(group)) === "person") addSurname(longestWords(group), group);
  }
  // Organisations named in full, by first word: "Example" alone is "Example Robotics" when only one fits.
  const leaders = new Map<string, Group | null>();
  for (const group of groups.values()) {
    const longest = longestWords(group);
    const head = longest[0];
    if (longest.length < 2 || typeOf(votesOf(group)) !== "organization" || CUES.notAlone.has(head) || CUES.stoplist.has(head) || CUES.givenNames.has(head)) continue;
    leaders.set(head, leaders.has(head) && leaders.get(head) !== group ? null : group);
  }
  for (const group of groups.values()) {
    const words = group.occurrences[0].words;
    if (words.length !== 1) continue;
    const owner = surnames.get(words[0]) ?? (typeOf(votesOf(group)) === "organization" ? leaders.get(words[0]) : undefined);
    if (!owner || owner === group) continue;
    if ("name" in owner) group.known = owner;
    else group.mergedInto = owner;
  }

  lookAgain(scans, groups, new Map([...leaders, ...surnames]));

  const resolved = new Map<Occurrence, Resolved>();
  for (const group of groups.values()) {
    const target = group.mergedInto ?? group;
    const answer: Resolved = group.known ? {...group.known} : {name: canonicalName(target), type: typeOf(votesOf(target))};
    for (const occurrence of group.occurrences) resolved.set(occurrence, answer);
  }
  return scans
    .flatMap((scan) => scan.occurrences)
    .map((occurrence) => ({occurrence, resolved: occurrence.known ? {name: occurrence.known.name, type: occurrence.known.type} : resolved.get(occurrence)!}));
}

function longestWords(group: Group): string[] {
  return group.occurrences.reduce((a, b) => (b.words.length > a.words.length ? b : a)).words;
}

function votesOf(group: Group): Votes {
  const total: Votes = {};
  for (const occurrence of group.occurrences) addVotes(total, occurrence.votes);
  return total;
}

/** The fullest spelling of a name (most words), then the commonest, then the first. */
function canonicalName(group: Group): string {
  const counts = new Map<string, number>();
  for (const occurrence of group.occurrences) counts.set(occurrence.surface, (counts.get(occurrence.surface) ?? 0) + 1);
  let best = group.occurrences[0].surface;
  for (const [surface, count] of counts) {
    const words = surface.split(" ").length;
    const bestWords = best.split(" ").length;
    if (words > bestWords || (words === bestWords && count > counts.get(best)!)) best = surface;
  }
  return best;
}

/**
 * Second pass: every name the document established, and every short form of one (a person's surname, an
 * organisation's first word), is looked for again among the capitalised words the first pass left alone ("Mensch
 * framed the strategy", a heading naming Koyeb).
 */
function lookAgain(scans: SentenceScan[], groups: Map<string, Group>, shortForms: Map<string, Group | KnownName | null>): void {
  const patterns = new Map<string, {words: string[]; group: Group}[]>();
  const add = (words: string[], group: Group) => {
    const list = patterns.get(words[0]) ?? [];
    if (!list.some((pattern) => pattern.words.join(" ") === words.join(" "))) list.push({words, group});
    patterns.set(words[0], list);
  };
  for (const group of groups.values()) for (const occurrence of group.occurrences) add(occurrence.words, group.mergedInto ?? group);
  for (const [word, owner] of shortForms) {
    if (!owner) continue;
    if ("name" in owner) {
      const key = `short form:${word}`;
      const group = groups.get(key) ?? {occurrences: [], known: owner};
      groups.set(key, group);
      add([word], group);
    } else add([word], owner);
  }
  for (const list of patterns.values()) list.sort((a, b) => b.words.length - a.words.length);

  for (const scan of scans) {
    const {tokens, taken} = scan;
    let added = false;
    for (let i = 0; i < tokens.length; ++i) {
      if (taken[i] || !tokens[i].upper) continue;
      for (const {words, group} of patterns.get(tokens[i].fold) ?? []) {
        const end = i + words.length;
        if (end > tokens.length) continue;
        let k = 0;
        while (k < words.length && !taken[i + k] && tokens[i + k].fold === words[k] && (k === 0 || isSpace(tokens[i + k].gap) || isHyphen(tokens[i + k].gap))) ++k;
        if (k < words.length) continue;
        const votes = votesFor({tokens, first: i, last: end, end, hasSuffix: false, taken: (t) => taken[t] === "name"});
        const occurrence = occurrenceOf(scan, i, end, end, undefined, false, votes);
        // The occurrence takes the spelling it resolves to, so it groups with the name it was found from.
        occurrence.surface = group.occurrences[0]?.surface ?? occurrence.surface;
        group.occurrences.push(occurrence);
        scan.occurrences.push(occurrence);
        for (let t = i; t < end; ++t) taken[t] = "name";
        added = true;
        i = end - 1;
        break;
      }
    }
    if (added) scan.occurrences.sort((a, b) => a.start - b.start);
  }
}
