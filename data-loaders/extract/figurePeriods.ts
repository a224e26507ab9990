/**
 * Which of a sentence's dates each figure refers to. The nearest date wins, with four barriers: a semicolon ("raised
 * $500m …; it previously raised $126 million in 2023"), and three in lexicons/metrics.json ("periods"): a comparison
 * ("1,000 people, up from a team of 15 in 2023"), an aside ("Mistral, a company valued over $14 billion, expanded in
 * March"; "the app, launched in 2022, has 1.2 million downloads"), and deadlines, which date only the figure they
 * follow ("260 people and aims to reach 400 employees by year-end").
 */
import dates from "../lexicons/dates.json" with {type: "json"};
import metrics from "../lexicons/metrics.json" with {type: "json"};
import type {Amount} from "./amounts.ts";
import {cueAlternation, execAll, WORD, wholeWords} from "./cuePatterns.ts";
import type {DateMatch} from "./dates.ts";
import {endOf, firstAtOrAfter, itself, startOf} from "./ordered.ts";

const COMPARISON = wholeWords(cueAlternation(metrics.periods.comparisons), "i");
const ASIDE_START = new RegExp(`^\\s*(?:(?:${cueAlternation(metrics.periods.aside_starts)})(?![${WORD}])|[${WORD}]+ed(?![${WORD}]))`, "i");
const APPOSITIVE_START = new RegExp(`^\\s*(?:${cueAlternation(metrics.periods.appositive_starts)})(?![${WORD}])`, "i");
const OPENING_PHRASE = new RegExp(`^\\s*(?:${cueAlternation(metrics.periods.opening_phrases)})(?![${WORD}])`, "i");
const MONTH_OR_DAY = new Set([...Object.keys(dates.months), ...Object.keys(dates.weekdays)]);
/** The last word of a segment, when it is capitalised: the name an appositive describes. */
const NAME_AT_END = /([\p{Lu}][\p{L}\p{N}.&'-]*)[\s,—–;]*$/u;
/** A sentence-initial clause is an aside only when it opens with a participle ("Founded in 2019 by …, Voltaris …"). */
const LEADING_ASIDE = /^\s*[\p{Lu}][\p{L}]*ed(?![\p{L}])/u;
const SEPARATORS = /,|—|–(?=\s)|;/g;
/** How far, in characters, a figure looks for its date. */
const WINDOW = 300;

/**
 * The period of each amount (in order). Amounts have offsets relative to `text`, dates relative to where `text` starts
 * at `offset`. A span of months is given as its year ("February and March 2026" → "2026"), so it stays comparable with
 * months and years.
 */
export function periodsOf(text: string, amounts: Amount[], documentDates: DateMatch[], offset = 0): string[] {
  if (!documentDates.length) return amounts.map(() => "");
  const dates = offset ? documentDates.map((date) => ({...date, start: date.start - offset, end: date.end - offset})) : documentDates;
  const asides = asideSpans(text);
  const clauses = clauseStarts(text);
  const dateContexts = dates.map((date) => contextOf(date.start, asides, clauses));
  const deadlineOwners = dates.map((date) => (date.deadline ? deadlineOwner(amounts, date) : -1));
  const periods: string[] = [];
  for (const [index, amount] of amounts.entries()) {
    const context = contextOf(amount.start, asides, clauses);
    let best: DateMatch | undefined;
    let distance = Infinity;
    for (let i = firstAtOrAfter(dates, endOf, amount.start - WINDOW); i < dates.length && dates[i].start <= amount.end + WINDOW; ++i) {
      const date = dates[i];
      if ((date.deadline && deadlineOwners[i] !== index) || dateContexts[i] !== context) continue;
      const [from, to] = date.start >= amount.end ? [amount.end, date.start] : [date.end, amount.start];
      const d = Math.max(0, to - from);
      if (d > distance || (d === distance && date.start < amount.end) || COMPARISON.test(text.slice(from, to))) continue;
      [best, distance] = [date, d];
    }
    periods.push(!best ? "" : best.months ? best.value.slice(0, 4) : best.value);
  }
  return periods;
}

/** Which aside and which semicolon clause a position is in, as one comparable number. */
function contextOf(position: number, asides: [number, number][], clauses: number[]): number {
  const i = firstAtOrAfter(asides, (aside) => aside[1], position + 1);
  const aside = i < asides.length && asides[i][0] <= position ? i : -1;
  return firstAtOrAfter(clauses, itself, position + 1) * 100_000 + aside;
}

/** Where each semicolon-separated clause after the first starts: clauses of one sentence can be about different times. */
export function clauseStarts(text: string): number[] {
  const starts: number[] = [];
  for (let i = text.indexOf(";"); i >= 0; i = text.indexOf(";", i + 1)) starts.push(i + 1);
  return starts;
}

/** The amount a deadline belongs to: the nearest one before it, else the nearest one after. */
function deadlineOwner(amounts: Amount[], date: DateMatch): number {
  const after = firstAtOrAfter(amounts, endOf, date.start + 1);
  if (after > 0) return after - 1;
  const next = firstAtOrAfter(amounts, startOf, date.end);
  return next < amounts.length ? next : -1;
}

/** Whether a segment ends with a name that an appositive could describe ("Voltaris,", not "In January,"). */
function followsName(segment: string): boolean {
  const name = NAME_AT_END.exec(segment.slice(-60));
  return !!name && !MONTH_OR_DAY.has(name[1]) && !OPENING_PHRASE.test(segment);
}

/** Comma- or dash-enclosed asides, in text order: see lexicons/metrics.json ("periods"). */
function asideSpans(text: string): [number, number][] {
  const cuts = [0];
  for (const m of execAll(SEPARATORS, text)) cuts.push(m.index + m[0].length);
  cuts.push(text.length + 1);
  const spans: [number, number][] = [];
  for (let i = 0; i + 1 < cuts.length; ++i) {
    const [start, end] = [cuts[i], cuts[i + 1]];
    const opening = text.slice(start, Math.min(end, start + 40));
    const enclosed = i > 0 && end <= text.length;
    const aside = enclosed && (ASIDE_START.test(opening) || (APPOSITIVE_START.test(opening) && followsName(text.slice(cuts[i - 1], start))));
    if (aside || (i === 0 && cuts.length > 2 && LEADING_ASIDE.test(opening))) spans.push([start, end]);
  }
  return spans;
}
