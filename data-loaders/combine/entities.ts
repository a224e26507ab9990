/**
 * Entities across documents: one row per entity, from every document's mentions. A pure function of the mentions,
 * independent of the order documents and mentions come in.
 */
import {knownName} from "../extract/entityLexicon.ts";
import {fold} from "../extract/nameTokens.ts";
import {TYPE_ORDER} from "../extract/nameVotes.ts";
import type {Entity, EntityType, Mention} from "../types.ts";

export interface CombinedEntities {
  /** One row per entity, sorted by entity_id. */
  entities: Entity[];
  /**
   * Every entity_id the mentions carried → the entity_id they belong to now. Ids stay the same unless a short form
   * merged into a full name across documents ("mensch" → "arthur-mensch"); rewrite mentions with
   * `mentionEntityIds.get(mention.entity_id)`.
   */
  mentionEntityIds: Map<string, string>;
}

interface Tally {
  id: string;
  names: Map<string, number>;
  types: Map<EntityType, number>;
  texts: Set<string>;
  documents: Set<string>;
  mentions: number;
}

/** One entity's mentions in a set of mentions (one document's, in the pipeline): all that combining needs of them. */
export interface EntityTally {
  id: string;
  names: [string, number][];
  types: [EntityType, number][];
  texts: string[];
  documents: string[];
  mentions: number;
}

/** Mentions counted by entity_id, so a document's mentions can be cached as counts rather than kept one by one. */
export function tallyMentions(mentions: Mention[]): EntityTally[] {
  const tallies = new Map<string, Tally>();
  for (const mention of mentions) tally(tallies, mention.entity_id, mention);
  return [...tallies.values()].map(({id, names, types, texts, documents, mentions}) => ({
    id,
    names: [...names],
    types: [...types],
    texts: [...texts],
    documents: [...documents],
    mentions
  }));
}

/**
 * Groups mentions, tallied per document (`tallyMentions`), by entity_id. Within a document, extraction already resolved short forms; across documents a
 * one-word name the lexicon does not know merges into the only multi-word person it is the surname of ("Mensch" in
 * one article, "Arthur Mensch" in another), or into the only multi-word organisation it is the first word of
 * ("Northwind" → "Northwind Compute"). The type is the majority over the mentions, ties going to the earlier of
 * organization, person, product, place; the name is the commonest canonical name, then the longest, then the first
 * in code-point order.
 */
export function combineTallies(talliesByDocument: EntityTally[][]): CombinedEntities {
  const tallies = new Map<string, Tally>();
  for (const list of talliesByDocument) for (const entry of list) absorb(tallies, entry.id, entry, true);

  const mentionEntityIds = new Map<string, string>();
  for (const id of tallies.keys()) mentionEntityIds.set(id, id);
  for (const [from, to] of shortFormMerges([...tallies.values()])) mentionEntityIds.set(from, to);

  const merged = new Map<string, Tally>();
  for (const entry of tallies.values()) {
    const target = mentionEntityIds.get(entry.id)!;
    // A short form lends its mentions, spellings and documents, not its name or its type (a guess without the full name).
    absorb(merged, target, entry, target === entry.id);
  }

  const entities = [...merged.values()].map((entry): Entity => {
    const name = bestName(entry.names);
    return {
      entity_id: entry.id,
      name,
      type: majorityType(entry.types),
      aliases: [...entry.texts].filter((text) => text !== name).sort(compare),
      documents: [...entry.documents].sort(compare),
      mentions: entry.mentions
    };
  });
  return {entities: entities.sort((a, b) => compare(a.entity_id, b.entity_id)), mentionEntityIds};
}

/** Adds one tally's counts into the tally of `id`, its names and types only when `withNameAndType`. */
function absorb(tallies: Map<string, Tally>, id: string, from: Omit<EntityTally, "id"> | Omit<Tally, "id">, withNameAndType: boolean): void {
  const into = tallies.get(id) ?? {id, names: new Map(), types: new Map(), texts: new Set(), documents: new Set(), mentions: 0};
  if (withNameAndType) {
    for (const [name, count] of from.names) into.names.set(name, (into.names.get(name) ?? 0) + count);
    for (const [type, count] of from.types) into.types.set(type, (into.types.get(type) ?? 0) + count);
  }
  for (const text of from.texts) into.texts.add(text);
  for (const document of from.documents) into.documents.add(document);
  into.mentions += from.mentions;
  tallies.set(id, into);
}

function tally(tallies: Map<string, Tally>, id: string, mention: Mention): void {
  const entry = tallies.get(id) ?? {id, names: new Map(), types: new Map(), texts: new Set(), documents: new Set(), mentions: 0};
  entry.names.set(mention.name, (entry.names.get(mention.name) ?? 0) + 1);
  entry.types.set(mention.type, (entry.types.get(mention.type) ?? 0) + 1);
  entry.texts.add(mention.text);
  entry.documents.add(mention.doc_id);
  entry.mentions += 1;
  tallies.set(id, entry);
}

/** Short-form entity id → full-name entity id, for one-word unknown names with exactly one full name to go to. */
function shortFormMerges(tallies: Tally[]): Map<string, string> {
  const people = new Map<string, Set<string>>();
  const organisations = new Map<string, Set<string>>();
  for (const entry of tallies) {
    const words = bestName(entry.names).split(/\s+/u).map(fold);
    if (words.length < 2) continue;
    const type = majorityType(entry.types);
    const [index, word] = type === "person" ? [people, words[words.length - 1]] : type === "organization" ? [organisations, words[0]] : [];
    if (!index || !word) continue;
    index.set(word, (index.get(word) ?? new Set()).add(entry.id));
  }
  const merges = new Map<string, string>();
  for (const entry of tallies) {
    const name = bestName(entry.names);
    if (/\s/u.test(name) || knownName(name)) continue;
    const word = fold(name);
    const type = majorityType(entry.types);
    // An unknown one-word name with no better evidence is typed an organisation, so a surname may be one.
    const person = type === "person" || type === "organization" ? people.get(word) : undefined;
    const candidates = person?.size ? person : type === "organization" ? organisations.get(word) : undefined;
    if (candidates?.size === 1) {
      const [target] = candidates;
      if (target !== entry.id) merges.set(entry.id, target);
    }
  }
  return merges;
}

function majorityType(types: Map<EntityType, number>): EntityType {
  let best: EntityType = "organization";
  let bestCount = -1;
  for (const type of TYPE_ORDER) {
    const count = types.get(type) ?? 0;
    if (count > bestCount) [best, bestCount] = [type, count];
  }
  return best;
}

function bestName(names: Map<string, number>): string {
  let best = "";
  let bestCount = -1;
  for (const [name, count] of names) {
    if (count > bestCount || (count === bestCount && (name.length > best.length || (name.length === best.length && compare(name, best) < 0)))) {
      [best, bestCount] = [name, count];
    }
  }
  return best;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
