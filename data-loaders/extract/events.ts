/**
 * Events: dated happenings (a funding, a launch, a rename, an acquisition, a partnership, a conference, a data centre,
 * a customer), from cue words in a sentence that has a date. The cues and the carrying rule are data:
 * lexicons/events.json.
 */
import events from "../lexicons/events.json" with {type: "json"};
import type {Event, EventKind, Mention, Sentence, SourceDocument} from "../types.ts";
import {alternation, compileLabelled, findLabelled, WORD} from "./cuePatterns.ts";
import {type DateMatch, referenceDate, sentenceDates} from "./dates.ts";
import {clauseStarts} from "./figurePeriods.ts";
import {endOf, firstAtOrAfter, itself, startOf} from "./ordered.ts";
import {genericGroupEnd} from "./subjects.ts";

const KINDS = Object.keys(events.cues) as EventKind[];
const CUES = compileLabelled(
  KINDS.map((kind) => [kind, events.cues[kind as keyof typeof events.cues]]),
  "lexicons/events.json"
);
/** "it announced Vibe", "presented its new Forge": a launch verb right before a product the document names. */
const PRODUCT_VERB = new RegExp(`(?<![${WORD}])(${alternation(events.product_verbs.verbs)})\\s+(?:(?:its|the|a|an|new|their)\\s+){0,3}$`, "i");
const CARRY_SENTENCES = events.carry_sentences;
const SUMMARY_LENGTH = 200;

interface EventCue {
  kind: EventKind;
  /** Offsets relative to the sentence. */
  start: number;
  end: number;
}

/**
 * Every dated event in a document, in text order, numbered `${doc_id}:e${n}` from 0; one per sentence, kind and date.
 * `start`/`end` locate the date expression when the date is in the event's own sentence, and the sentence itself
 * when its date was carried from an earlier sentence of the paragraph; either way they point into `document.text`.
 */
export function extractEvents(document: SourceDocument, sentences: Sentence[], mentions: Mention[]): Event[] {
  const reference = referenceDate(document, sentences);
  const names = namesBySentence(mentions);
  const found: Event[] = [];
  for (const [index, sentence] of sentences.entries()) {
    const named = names.get(sentence.sentence_id) ?? [];
    const cues = findEventCues(sentence, named);
    if (!cues.length) continue;
    const dates = sentenceDates(sentence, reference);
    const usable = dates
      .filter((date) => !date.deadline)
      .map((date) => ({...date, start: date.start - sentence.start, end: date.end - sentence.start}));
    const inherited = dates.length ? undefined : carriedDate(document.text, sentences, index, reference);
    if (!usable.length && !inherited) continue;
    const seen = new Set<string>();
    const generic = genericGroupEnd(sentence.text);
    const clauses = clauseStarts(sentence.text);
    const nextOther = nextCueOfOtherKind(cues);
    for (const [c, cue] of cues.entries()) {
      // "Several European rivals have raised large rounds": a generic group named before the cue, and no company.
      if (generic >= 0 && generic <= cue.start && !(named.length && named[0].start < sentence.start + cue.start)) continue;
      const own = dateForCue(cue, nextOther[c], usable, clauseRange(clauses, cue.start, usable));
      const date = own ?? inherited;
      if (!date || seen.has(`${cue.kind}\u0000${date.value}`)) continue;
      seen.add(`${cue.kind}\u0000${date.value}`);
      found.push({
        event_id: `${document.doc_id}:e${found.length}`,
        date: date.value,
        date_precision: date.precision,
        kind: cue.kind,
        doc_id: document.doc_id,
        sentence_id: sentence.sentence_id,
        start: own ? sentence.start + own.start : sentence.start,
        end: own ? sentence.start + own.end : sentence.end,
        summary: summarise(sentence.text),
        entities: [...new Set(named.map((m) => m.entity_id))]
      });
    }
  }
  return found;
}

/**
 * The date a sentence without one of its own takes from the paragraph: the latest day, month or quarter of the nearest
 * earlier sentence that has a date, if that sentence is at most `carry_sentences` back and in the same paragraph. A
 * year is too coarse to say the sentences share it, and a deadline dates no event.
 */
function carriedDate(text: string, sentences: Sentence[], index: number, reference: string): DateMatch | undefined {
  for (let i = index - 1; i >= 0 && i >= index - CARRY_SENTENCES; --i) {
    if (text.slice(sentences[i].end, sentences[i + 1].start).includes("\n")) return undefined;
    const dates = sentenceDates(sentences[i], reference);
    if (dates.length) return dates.filter((date) => !date.deadline && date.precision !== "year").at(-1);
  }
  return undefined;
}

/** Organisations and products named in each sentence, in text order. */
function namesBySentence(mentions: Mention[]): Map<string, Mention[]> {
  const bySentence = new Map<string, Mention[]>();
  for (const mention of mentions) {
    if (mention.type !== "organization" && mention.type !== "product") continue;
    const list = bySentence.get(mention.sentence_id);
    if (list) list.push(mention);
    else bySentence.set(mention.sentence_id, [mention]);
  }
  for (const list of bySentence.values()) list.sort((a, b) => a.start - b.start);
  return bySentence;
}

/** The event cues of a sentence outside quotations, in text order, plus launch verbs before a named product. */
export function findEventCues(sentence: Sentence, named: Mention[]): EventCue[] {
  const text = maskQuotations(sentence.text);
  const cues: EventCue[] = findLabelled(text, CUES).map(({label, start, end}) => ({kind: label as EventKind, start, end}));
  for (const mention of named) {
    if (mention.type !== "product") continue;
    const at = mention.start - sentence.start;
    const verb = PRODUCT_VERB.exec(text.slice(Math.max(0, at - 40), at));
    if (verb) cues.push({kind: "product_launch", start: at - verb[0].length, end: at - verb[0].length + verb[1].length});
  }
  return cues.sort((a, b) => a.start - b.start);
}

/**
 * The date of a cue: the nearest date after it, unless a cue of another kind comes first ("raised $65 million in
 * February …, acquired ChatNest … in March"), else the nearest date before it, else the nearest date at all.
 */
function dateForCue(cue: EventCue, nextOther: number, dates: DateMatch[], [first, last]: [number, number]): DateMatch | undefined {
  if (first >= last) return undefined;
  const i = firstAtOrAfter(dates, startOf, cue.end);
  const after = i < last ? dates[Math.max(i, first)] : undefined;
  if (after && after.start <= nextOther) return after;
  const before = firstAtOrAfter(dates, endOf, cue.start + 1) - 1;
  return (before >= first ? dates[before] : undefined) ?? after ?? dates[first];
}

/** For each cue (in text order), where the next cue of another kind starts; Infinity when there is none. */
function nextCueOfOtherKind(cues: EventCue[]): number[] {
  const next = cues.map(() => Infinity);
  for (let i = cues.length - 2; i >= 0; --i) next[i] = cues[i + 1].kind !== cues[i].kind ? cues[i + 1].start : next[i + 1];
  return next;
}

/**
 * The dates (as index range [first, last)) in the same semicolon-separated clause as a position: "raised $500m …; it
 * raised $126 million in 2023" does not date the first raise.
 */
function clauseRange(clauses: number[], position: number, dates: DateMatch[]): [number, number] {
  if (!clauses.length) return [0, dates.length];
  const clause = firstAtOrAfter(clauses, itself, position + 1);
  const first = clause > 0 ? firstAtOrAfter(dates, startOf, clauses[clause - 1]) : 0;
  const last = clause < clauses.length ? firstAtOrAfter(dates, startOf, clauses[clause]) : dates.length;
  return [first, last];
}

/** Blanks out text inside balanced double quotes, keeping offsets: what someone said is not an event. */
function maskQuotations(text: string): string {
  if (!text.includes('"') && !text.includes("“")) return text;
  return text.replace(/“[^“”]*”|"[^"]*"/g, (quote) => " ".repeat(quote.length));
}

/** The sentence, cut at a word boundary to about 200 characters. */
function summarise(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length <= SUMMARY_LENGTH) return trimmed;
  const cut = trimmed.lastIndexOf(" ", SUMMARY_LENGTH - 1);
  return `${trimmed.slice(0, cut > SUMMARY_LENGTH / 2 ? cut : SUMMARY_LENGTH - 1).replace(/[\s,;:—–-]+$/u, "")}…`;
}
