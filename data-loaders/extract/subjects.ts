/**
 * The organisation a figure is about, from the organisations named in its sentence and the one the document is
 * about. The words that make a name an object rather than a subject are data: lexicons/subjects.json.
 */
import subjects from "../lexicons/subjects.json" with {type: "json"};
import type {Mention} from "../types.ts";
import {cueAlternation, WORD, wholeWords} from "./cuePatterns.ts";
import {endOf, firstAtOrAfter, startOf} from "./ordered.ts";

/** A name after one of these, maybe with a few descriptive words between ("led by Dutch chip maker ASML"). */
const OBJECT_BEFORE = new RegExp(
  `(?<![${WORD}])(?:${cueAlternation(subjects.object_markers)})\\s+(?:[${WORD}][${WORD}'’.&-]*\\s+){0,4}$`,
  "i"
);
const LIST_JOINER = new RegExp(`^\\s*(?:${cueAlternation(subjects.list_joiners)})?\\s*(?:the\\s+)?$`, "i");
const PRONOUN = wholeWords(cueAlternation(subjects.pronouns), "i");
const GENERIC = wholeWords(cueAlternation(subjects.generic_subjects), "i");
/** "a €1.7 billion round in Mistral", "invested $100 million into Koyeb": the money went to the name after it. */
const RECIPIENT_BETWEEN = /^[^,;.()]{0,40}?\b(?:in|into|for)\s+(?:the\s+)?$/i;

/** The organisation a document mentions most (ties: the first mentioned): the default subject of its figures. */
export function focusOrganization(mentions: Mention[]): string {
  const counts = new Map<string, number>();
  for (const mention of mentions) if (mention.type === "organization") counts.set(mention.name, (counts.get(mention.name) ?? 0) + 1);
  let focus = "";
  let most = 0;
  for (const [name, count] of counts) if (count > most) [focus, most] = [name, count];
  return focus;
}

export interface SubjectContext {
  /** The sentence text; offsets below are relative to it. */
  text: string;
  /** The organisations named in the sentence, in text order, with offsets relative to the sentence. */
  organisations: {start: number; end: number; name: string}[];
  /** The document's main organisation, or "". */
  focus: string;
  /** For each organisation, the subject so far: the last organisation up to it that is not an object, or "". */
  subjects: string[];
  /** Where the first pronoun for the company ends ("it", "the company"), -1 for none; found when first needed. */
  pronounEnd?: number;
  /** Where the first generic group ends ("start-ups", "there are"), -1 for none; found when first needed. */
  genericEnd?: number;
}

/** What a sentence says about subjects, worked out once for all its figures. */
export function subjectContext(text: string, organisations: SubjectContext["organisations"], focus: string): SubjectContext {
  const subjects: string[] = [];
  let subject = "";
  let previousWasObject = false;
  let previousEnd = 0;
  for (const organisation of organisations) {
    const before = text.slice(Math.max(0, organisation.start - 60), organisation.start);
    const between = organisation.start - previousEnd < 20 ? text.slice(previousEnd, organisation.start) : "—";
    const listed: boolean = previousWasObject && LIST_JOINER.test(between);
    const isObject: boolean = listed || OBJECT_BEFORE.test(before);
    if (!isObject) subject = organisation.name;
    subjects.push(subject);
    previousWasObject = isObject;
    previousEnd = organisation.end;
  }
  return {text, organisations, focus, subjects};
}

/**
 * The subject of a figure spanning [start, end) of the sentence: the nearest organisation named before it that is not
 * an object; for money that went somewhere, the organisation right after it ("a round in Mistral"); else the
 * document's main organisation, unless the sentence is about a generic group ("European start-ups raised …"), then "".
 */
export function subjectOf(context: SubjectContext, start: number, end: number, money: boolean): string {
  const {text, organisations, focus} = context;
  if (money) {
    const next = organisations[firstAtOrAfter(organisations, startOf, end)];
    if (next && next.start - end <= 60 && RECIPIENT_BETWEEN.test(text.slice(end, next.start))) return next.name;
  }
  const before = firstAtOrAfter(organisations, endOf, start + 1) - 1;
  const subject = before >= 0 ? context.subjects[before] : "";
  if (subject) return subject;
  context.pronounEnd ??= matchEnd(PRONOUN, text);
  if (context.pronounEnd >= 0 && context.pronounEnd <= start) return focus;
  context.genericEnd ??= genericGroupEnd(text);
  return context.genericEnd >= 0 && context.genericEnd <= start ? "" : focus;
}

/**
 * Where the first mention of a generic group ends in a sentence ("European battery start-ups raised …", "there are
 * …"), or -1: a sentence about a group is not about the document's company.
 */
export function genericGroupEnd(text: string): number {
  return matchEnd(GENERIC, text);
}

function matchEnd(pattern: RegExp, text: string): number {
  const m = pattern.exec(text);
  return m ? m.index + m[0].length : -1;
}
