/**
 * Dates in news text: explicit ones ("28 May 2026", "May 28, 2026", "September 2025", "Q3 2025", "the third quarter
 * of 2024", "February and March 2026", "in 2023") and relative ones resolved against a reference date ("last year",
 * "by year-end", "in March", "last month", "in the third quarter", "this week", "on Tuesday", "two years later"). Values are ISO:
 * "2026-05-28" (day), "2026-05" (month), "2026-Q2" (quarter), "2026" (year). Names are in lexicons/dates.json.
 */
import lexicon from "../lexicons/dates.json" with {type: "json"};
import type {DatePrecision, Sentence, SourceDocument} from "../types.ts";
import {alternation, caseVariants, execAll, WORD} from "./cuePatterns.ts";
import {Taken} from "./ordered.ts";

export interface DateMatch {
  /** Offsets of the date expression in the document (the `offset` given to findDates plus its place in the text). */
  start: number;
  end: number;
  /** ISO: "2026-05-28", "2026-05", "2026-Q3" or "2026". A span of months is its quarter, or its year across quarters. */
  value: string;
  precision: DatePrecision;
  /** True when the text names the year itself; false when it was resolved against the reference date. */
  explicit: boolean;
  /** A deadline ("by year-end", "by 2028", "through 2027"): it dates a target, not a happening. */
  deadline: boolean;
  /** The months of a span ("February and March 2026" → ["2026-02", "2026-03"]); absent for a single date. */
  months?: string[];
}

const MONTHS = lexicon.months as Record<string, number>;
const WEEKDAYS = lexicon.weekdays as Record<string, number>;
const ORDINALS = lexicon.ordinals as Record<string, number>;
const COUNTS = lexicon.counts as Record<string, number>;

/** Abbreviations ("Sept", "Jan") may end in a full stop; full names may not ("in May." ends a sentence). */
const ABBREVIATIONS = Object.keys(MONTHS).filter((m) => Object.keys(MONTHS).some((n) => n.length > m.length && n.startsWith(m)));
const MONTH = `(?:${alternation([...Object.keys(MONTHS), ...ABBREVIATIONS.map((m) => `${m}.`)])})(?![${WORD}])`;
const YEAR = `(?:${yearPattern(lexicon.years.from, lexicon.years.to)})`;
const ANY = (words: string[]) => alternation(caseVariants(words));
const ORDINAL = `(?:${ANY(Object.keys(ORDINALS))})`;
const COUNT = `(?:${ANY(Object.keys(COUNTS))}|\\d{1,2})`;
const RELATIVE_YEAR = String.raw`(?:last|this|next|previous|the previous|the current|the coming) year`;
const DEADLINE_BEFORE = new RegExp(`(?:^|[^${WORD}])(?:${ANY(lexicon.deadline_prepositions.words)})\\s+(?:the\\s+)?(?:end\\s+of\\s+)?(?:the\\s+)?$`);
/** A month without a year is a date only after one of these words ("in March", "mid-May"). */
const MONTH_PREPOSITION = new RegExp(`(?:^|[^${WORD}])(${ANY(lexicon.month_prepositions)})[\\s-]+$`);
/** What may stand right before a bare year: not a letter, digit, currency or separator ("$2025", "2,025", "KA2014"). */
const YEAR_PREFIX = new RegExp(`(?:^|[^${WORD}$€£.,/#+-]|\\b(?:mid|early|late)-|\\bFY ?)$`);

interface Reference {
  year: number;
  /** 1–12, or 0 when the reference is only a year. */
  month: number;
  /** The reference day as a UTC date, or null when the reference is coarser than a day. */
  day: Date | null;
}

type Reading = Omit<DateMatch, "start" | "end" | "deadline">;

interface Pattern {
  /** A cheap test a text must pass before the pattern is worth running. */
  gate: RegExp;
  pattern: RegExp;
  /** Relative patterns read nothing without a reference, so they are skipped when there is none. */
  relative?: boolean;
  read: (m: RegExpExecArray, reference: Reference, found: DateMatch[]) => Reading | null;
}

const MONTH_GATE = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;
/** Every gate below at once: most sentences pass none of them and are done with one test. */
const MAYBE_DATE = /\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|year|quarter|month|week|half|day\b|ago\b|earlier|later|before|after/i;
const YEAR_GATE = /(?:19|20)\d\d/;

const PATTERNS: Pattern[] = [
  // "2026-05-28"
  {
    gate: /\d-\d/,
    pattern: new RegExp(String.raw`\b(${YEAR})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b`, "g"),
    read: (m) => day(+m[1], +m[2], +m[3], true)
  },
  // "28 May 2026", "28th May", "May 28, 2026", "May 28"
  {
    gate: MONTH_GATE,
    pattern: new RegExp(
      String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(${MONTH})(?:,?\s+(${YEAR})\b)?|\b(${MONTH})\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(${YEAR})\b)?(?![\d,.]*\d)`,
      "g"
    ),
    read: (m, reference) => {
      const [dayText, month, year] = m[1] ? [m[1], m[2], m[3]] : [m[5], m[4], m[6]];
      const y = year ? +year : reference.year;
      return y ? day(y, monthNumber(month), +dayText, !!year) : null;
    }
  },
  // "February and March 2026", "between February and April", "from January to March 2026"
  {
    gate: MONTH_GATE,
    pattern: new RegExp(String.raw`\b(${MONTH})\s+(?:and|to|through|until|-|–)\s+(${MONTH})(?:,?\s+(?:of\s+)?(${YEAR})\b)?`, "g"),
    read: (m, reference) => {
      const year = m[3] ? +m[3] : reference.year;
      const [first, last] = [monthNumber(m[1]), monthNumber(m[2])];
      if (!year || last < first) return null;
      const months: string[] = [];
      for (let month = first; month <= last; ++month) months.push(isoMonth(year, month));
      const sameQuarter = quarterOf(first) === quarterOf(last);
      return sameQuarter
        ? {value: `${year}-Q${quarterOf(first)}`, precision: "quarter", explicit: !!m[3], months}
        : {value: String(year), precision: "year", explicit: !!m[3], months};
    }
  },
  // "September 2025", "March of 2026"
  {
    gate: MONTH_GATE,
    pattern: new RegExp(String.raw`\b(${MONTH}),?\s+(?:of\s+)?(${YEAR})\b`, "g"),
    read: (m) => ({value: isoMonth(+m[2], monthNumber(m[1])), precision: "month", explicit: true})
  },
  // "in March", "mid-May", "last March": a month without a year only after a preposition ("May" is usually a verb)
  {
    gate: MONTH_GATE,
    relative: true,
    pattern: new RegExp(String.raw`\b(${MONTH})(?![\s-]*\d)`, "g"),
    read: (m, reference) => {
      const preposition = MONTH_PREPOSITION.exec(m.input.slice(Math.max(0, m.index - 12), m.index));
      if (!reference.year || !preposition) return null;
      const month = monthNumber(m[1]);
      const word = preposition[1].toLowerCase();
      let year = reference.year;
      if (word === "last" && reference.month && month >= reference.month) year -= 1;
      if (word === "next" && reference.month && month <= reference.month) year += 1;
      return {value: isoMonth(year, month), precision: "month", explicit: false};
    }
  },
  // "Q3 2025", "Q3", "3Q25", "the third quarter of 2024", "third-quarter 2024", "the fourth quarter of last year"
  {
    gate: /Q[1-4]|[1-4]Q|quarter/i,
    pattern: new RegExp(
      String.raw`\bQ([1-4])(?:\s+(?:of\s+)?(${YEAR})|\s?'(\d{2}))?\b|\b([1-4])Q(\d{2}|${YEAR})\b|\b(${ORDINAL})[\s-]+quarter(?:\s+(?:of\s+)?(${YEAR}|${RELATIVE_YEAR}|the year)\b)?`,
      "gi"
    ),
    read: (m, reference) => {
      const quarter = m[1] ? +m[1] : m[4] ? +m[4] : ORDINALS[m[6].toLowerCase()];
      const yearText = m[2] ?? m[3] ?? m[5] ?? m[7];
      // "last quarter" alone is the quarter before the reference, read below; "the last quarter of 2025" is Q4.
      if (m[6] && !yearText && /^(?:last|final)$/i.test(m[6])) return null;
      const year = yearOf(yearText, reference);
      return year ? {value: `${year}-Q${quarter}`, precision: "quarter", explicit: !!yearText && /\d/.test(yearText)} : null;
    }
  },
  // "last quarter", "this quarter", "next quarter"
  {
    gate: /quarter/i,
    relative: true,
    pattern: /\b(last|this|next|previous|the current|the coming) quarter\b/gi,
    read: (m, reference) => {
      if (!reference.month) return null;
      const shift = /last|previous/i.test(m[1]) ? -1 : /next|coming/i.test(m[1]) ? 1 : 0;
      const index = reference.year * 4 + quarterOf(reference.month) - 1 + shift;
      return {value: `${Math.floor(index / 4)}-Q${(index % 4) + 1}`, precision: "quarter", explicit: false};
    }
  },
  // "H1 2025", "the first half of 2025", "the second half of next year": a half is read as its year
  {
    gate: /H[12]|half/i,
    pattern: new RegExp(String.raw`\bH[12]\s?(${YEAR})\b|\b(?:first|second) half of (${YEAR}|${RELATIVE_YEAR}|the year)\b`, "gi"),
    read: (m, reference) => {
      const year = yearOf(m[1] ?? m[2], reference);
      return year ? {value: String(year), precision: "year", explicit: /\d/.test(m[1] ?? m[2])} : null;
    }
  },
  // "last year", "earlier this year", "next year", "by year-end", "by the end of the year", "end of next year"
  {
    gate: /year/i,
    relative: true,
    pattern: new RegExp(
      String.raw`\b(?:(?:earlier|later) )?(${RELATIVE_YEAR})\b|\b(?:(?:the )?end of (${RELATIVE_YEAR}|the year)|year-end|year end)\b`,
      "gi"
    ),
    read: (m, reference) => {
      const year = yearOf(m[1] ?? m[2] ?? "this year", reference);
      return year ? {value: String(year), precision: "year", explicit: false} : null;
    }
  },
  // "last month", "earlier this month", "next month"
  {
    gate: /month/i,
    relative: true,
    pattern: /\b(?:(?:earlier|later) )?(last|this|next|previous|the previous|the current|the coming) month\b/gi,
    read: (m, reference) => {
      if (!reference.month) return null;
      const shift = /last|previous/i.test(m[1]) ? -1 : /next|coming/i.test(m[1]) ? 1 : 0;
      const index = reference.year * 12 + reference.month - 1 + shift;
      return {value: isoMonth(Math.floor(index / 12), (index % 12) + 1), precision: "month", explicit: false};
    }
  },
  // "this week", "earlier this week", "last week": the month of that week (which day is not said)
  {
    gate: /week/i,
    relative: true,
    pattern: /\b(?:(?:earlier|later) )?(this|last|next|previous|the past) week\b/gi,
    read: (m, reference) => {
      if (!reference.month) return null;
      const shift = /last|previous|past/i.test(m[1]) ? -7 : /next/i.test(m[1]) ? 7 : 0;
      const date = reference.day ? new Date(reference.day.getTime() + shift * 86_400_000) : new Date(Date.UTC(reference.year, reference.month - 1, 1));
      return {value: date.toISOString().slice(0, 7), precision: "month", explicit: false};
    }
  },
  // "on Tuesday", "last Monday", "next Friday": the weekday nearest the reference day on the side the words say
  {
    gate: /[a-z]day\b/,
    relative: true,
    pattern: new RegExp(String.raw`(?<=\b(on|last|this|next|On|Last|This|Next) )(${alternation(Object.keys(WEEKDAYS))})\b(?!s)`, "g"),
    read: (m, reference) => {
      if (!reference.day) return null;
      const word = m[1].toLowerCase();
      const target = WEEKDAYS[m[2]];
      const back = (reference.day.getUTCDay() - target + 7) % 7;
      let shift = -back;
      if (word === "last" && back === 0) shift = -7;
      if (word === "next") shift = 7 - back;
      const date = new Date(reference.day.getTime() + shift * 86_400_000);
      return {value: date.toISOString().slice(0, 10), precision: "day", explicit: false};
    }
  },
  // "in 2023", "2025's", "mid-2025", "FY2025", "fiscal 2025": a year on its own, not part of an amount or an id
  {
    gate: YEAR_GATE,
    pattern: new RegExp(String.raw`(${YEAR})(?![${WORD}%]|[.,]\d|[-–]\d|\s?(?:bn|mn|m|million|billion)\b)`, "g"),
    read: (m) => (YEAR_PREFIX.test(m.input.slice(Math.max(0, m.index - 6), m.index)) ? {value: m[1], precision: "year", explicit: true} : null)
  },
  // "a year ago", "two years ago", "a year earlier", "three years later": from the sentence's last date, else the reference
  {
    gate: /\b(?:ago|earlier|later|before|after)\b/i,
    pattern: new RegExp(String.raw`\b(${COUNT}) (years?|months?) (ago|earlier|later|before|after)\b`, "gi"),
    read: (m, reference, found) => {
      const count = COUNTS[m[1].toLowerCase()] ?? Number(m[1]);
      const sign = /later|after/i.test(m[3]) ? 1 : -1;
      const anchor = /ago/i.test(m[3]) ? undefined : lastExplicitBefore(found, m.index);
      if (/later|after/i.test(m[3]) && !anchor) return null;
      const year = anchor ? Number(anchor.value.slice(0, 4)) : reference.year;
      if (!year) return null;
      if (/year/i.test(m[2])) return {value: String(year + sign * count), precision: "year", explicit: !!anchor};
      const month = anchor ? Number(anchor.value.slice(5, 7)) : reference.month;
      if (!month) return null;
      const index = year * 12 + month - 1 + sign * count;
      return {value: isoMonth(Math.floor(index / 12), (index % 12) + 1), precision: "month", explicit: !!anchor};
    }
  }
];

/**
 * Every date in a text, in text order. `offset` is the text's position in the document; `reference` is the ISO date
 * (or month, or year) that relative expressions resolve against, "" to leave them out. Where two readings overlap,
 * the more precise wins: a day beats the month it contains, a month beats its year.
 */
export function findDates(text: string, offset: number, reference: string): DateMatch[] {
  if (!MAYBE_DATE.test(text)) return [];
  const ref = parseReference(reference);
  // Offsets stay relative to `text` until the end, so readings can look at the dates found before them.
  const found: DateMatch[] = [];
  const taken = new Taken(text.length);
  for (const {gate, pattern, relative, read} of PATTERNS) {
    if ((relative && !ref.year) || !gate.test(text)) continue;
    for (const m of execAll(pattern, text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.overlaps(start, end)) continue;
      const reading = read(m, ref, found);
      if (!reading || !validDate(reading.value)) continue;
      const deadline = DEADLINE_BEFORE.test(text.slice(Math.max(0, start - 24), start));
      found.push({start, end, ...reading, deadline});
      taken.take(start, end);
    }
  }
  found.sort((a, b) => a.start - b.start);
  for (const date of found) {
    date.start += offset;
    date.end += offset;
  }
  return found;
}

/** The last date with a year before a position; the dates found so far are in pattern order, so all are looked at. */
function lastExplicitBefore(found: DateMatch[], position: number): DateMatch | undefined {
  let last: DateMatch | undefined;
  for (const date of found) if (date.explicit && date.end <= position && (!last || date.end > last.end)) last = date;
  return last;
}

/** Dates already found, per sentence object: figures and events both read every sentence's dates. */
const SENTENCE_DATES = new WeakMap<Sentence, {reference: string; dates: DateMatch[]}>();

/**
 * The dates of a sentence, with offsets into its document. Remembered per sentence object and reference, so that the
 * extraction steps that need them do not find them twice; callers must not change the array.
 */
export function sentenceDates(sentence: Sentence, reference: string): DateMatch[] {
  const known = SENTENCE_DATES.get(sentence);
  if (known && known.reference === reference) return known.dates;
  const dates = findDates(sentence.text, sentence.start, reference);
  SENTENCE_DATES.set(sentence, {reference, dates});
  return dates;
}

const REFERENCES = new WeakMap<Sentence[], string>();

/**
 * What relative dates in a document resolve against: its publication date, else the latest date it states with a
 * year (an undated article about "February and March 2026" is read as written in 2026). Deadlines ("by 2030") are
 * left out, because a target is not when the text was written; quarters count as their year.
 */
export function referenceDate(document: SourceDocument, sentences: Sentence[]): string {
  if (document.published) return document.published;
  const known = REFERENCES.get(sentences);
  if (known !== undefined) return known;
  let latest = "";
  for (const sentence of sentences) {
    if (!YEAR_GATE.test(sentence.text)) continue;
    for (const date of findDates(sentence.text, sentence.start, "")) {
      if (!date.explicit || date.deadline) continue;
      const value = date.months ? date.months.at(-1)! : date.precision === "quarter" ? date.value.slice(0, 4) : date.value;
      if (compareDates(value, latest) > 0) latest = value;
    }
  }
  REFERENCES.set(sentences, latest);
  return latest;
}

/** Orders ISO dates of any precision by their start ("2026" < "2026-03" < "2026-03-05" < "2026-Q1" < "2027"). */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The quarter (1–4) a month (1–12) falls in. */
export function quarterOf(month: number): number {
  return Math.ceil(month / 3);
}

let lastReference: [string, Reference] = ["", {year: 0, month: 0, day: null}];

/** The reference date's parts; the last one is remembered, as one document asks for the same one per sentence. */
function parseReference(reference: string): Reference {
  if (lastReference[0] === reference) return lastReference[1];
  lastReference = [reference, readReference(reference)];
  return lastReference[1];
}

function readReference(reference: string): Reference {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(reference);
  if (!match) return {year: 0, month: 0, day: null};
  const [year, month, dayOfMonth] = [+match[1], match[2] ? +match[2] : 0, match[3] ? +match[3] : 0];
  return {year, month, day: dayOfMonth ? new Date(Date.UTC(year, month - 1, dayOfMonth)) : null};
}

function yearOf(text: string | undefined, reference: Reference): number {
  if (!text || /^the year$/i.test(text)) return reference.year;
  if (/^\d{4}$/.test(text)) return +text;
  if (/^\d{2}$/.test(text)) return 2000 + +text;
  if (!reference.year) return 0;
  return reference.year + (/last|previous/i.test(text) ? -1 : /next|coming|following/i.test(text) ? 1 : 0);
}

function monthNumber(month: string): number {
  return MONTHS[month.replace(/\.$/, "")];
}

function day(year: number, month: number, dayOfMonth: number, explicit: boolean): Reading | null {
  return {value: `${isoMonth(year, month)}-${String(dayOfMonth).padStart(2, "0")}`, precision: "day", explicit};
}

function isoMonth(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** Rejects impossible days ("31 February") that the patterns cannot rule out. */
function validDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return true;
  const date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
  return date.getUTCMonth() === +match[2] - 1 && date.getUTCDate() === +match[3];
}

/** "1950"–"2049" as a pattern that matches exactly the years in the range. */
function yearPattern(from: number, to: number): string {
  const years: string[] = [];
  for (let year = from; year <= to; ++year) years.push(String(year));
  // Group by the first three digits so the pattern stays short: 195\d|196\d|…|204\d.
  const decades = new Map<string, string[]>();
  for (const year of years) decades.set(year.slice(0, 3), [...(decades.get(year.slice(0, 3)) ?? []), year[3]]);
  return [...decades].map(([decade, digits]) => (digits.length === 10 ? `${decade}\\d` : `${decade}[${digits.join("")}]`)).join("|");
}
