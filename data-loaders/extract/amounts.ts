/**
 * Amounts in a sentence: money and counted quantities, each with its span, value and unit.
 *
 * A number is an amount only when something says what it counts: a currency ("€1.7 billion", "385 million euros"), an
 * attached unit ("44MW", "40%"), a hyphenated unit ("7-billion-parameter", "85-strong team"), a counted noun within a
 * few words ("13,800 NVIDIA GB300 GPUs", "nine rounds"), a headcount phrase ("team of 15"), or, for numbers written in
 * digits, any plural noun ("4,500 robots"). That one rule keeps out years, dates, ages, durations, versions, model
 * names and ids ("2023", "three-year-old", "two years", "v2.5", "Mistral 7B", "HRB 774512") without listing them; the
 * lists in lexicons/quantities.json handle the rest. Vocabularies: lexicons/currencies.json, numbers.json,
 * quantities.json, dates.json.
 */
import currencies from "../lexicons/currencies.json" with {type: "json"};
import dateWords from "../lexicons/dates.json" with {type: "json"};
import metrics from "../lexicons/metrics.json" with {type: "json"};
import numbers from "../lexicons/numbers.json" with {type: "json"};
import quantities from "../lexicons/quantities.json" with {type: "json"};
import type {MoneyUnit, QuantityUnit, Unit} from "../types.ts";
import {alternation, cueAlternation, cueSource, entries, execAll, WORD} from "./cuePatterns.ts";
import {Taken} from "./ordered.ts";
import {DIGITS, LETTER_SCALE, NUMBER_WORD, parseNumber, SCALE_WORD, scaleOf, scaled} from "./numbers.ts";

export interface Amount {
  /** Offsets in the text searched. */
  start: number;
  end: number;
  /** Where the number itself starts: hedges ("about") are read before it, also in "team of about 50". */
  numberStart: number;
  value: number;
  unit: Unit;
}

interface CurrencyForms {
  before: string[];
  after: string[];
  after_with_scale: string[];
}

const CURRENCIES = entries<CurrencyForms>(currencies as unknown as Record<string, CurrencyForms>) as [MoneyUnit, CurrencyForms][];
export const MONEY_UNITS: ReadonlySet<Unit> = new Set(CURRENCIES.map(([unit]) => unit));
const BEFORE = new Map(CURRENCIES.flatMap(([unit, forms]) => forms.before.map((form) => [form, unit] as const)));
const AFTER = new Map(CURRENCIES.flatMap(([unit, forms]) => forms.after.map((form) => [form.toLowerCase(), unit] as const)));
const AFTER_SCALED = new Map(CURRENCIES.flatMap(([unit, forms]) => forms.after_with_scale.map((form) => [form.toLowerCase(), unit] as const)));

const NUM = `(?:${DIGITS})`;
const SCALE = `(?:\\s?(${SCALE_WORD})(?![${WORD}])|(${LETTER_SCALE})(?![${WORD}]))`;
const CURRENCY_WORD = `(${alternation([...AFTER.keys(), ...AFTER_SCALED.keys()]).replace(/ /g, "\\s+")})(?![${WORD}])`;
/** "€1.7 billion", "$6bn", "US$2.5M", "CHF 120 million", "$5-6 billion" (a range reads as its lower end). */
const MONEY_BEFORE = new RegExp(`(?<![${WORD}])(${alternation(BEFORE.keys())})\\s?(${NUM})(?:[-–](${NUM}))?${SCALE}?`, "gi");
/** "385 million euros", "45 million pounds". */
const MONEY_AFTER = new RegExp(`(?<![${WORD}$€£.,-])(${NUM})(?:[-–](${NUM}))?(?:\\s?(${SCALE_WORD}))?\\s+${CURRENCY_WORD}`, "gi");
/** "nine million dollars". */
const MONEY_AFTER_WORDS = new RegExp(`(?<![${WORD}])(${NUMBER_WORD})(?:\\s?(${SCALE_WORD}))?\\s+${CURRENCY_WORD}`, "gi");
const CURRENCY_WORD_GATE = new RegExp(`${alternation([...AFTER.keys(), ...AFTER_SCALED.keys()])}`, "i");

/** A number that may count something: digits, an optional range end, scale word and "+" ("5,000+ customers"); or a number in words. */
const NUMBER_TOKEN = new RegExp(`(?<![${WORD}$€£.,/#+\\-–])(${NUM})(?:[-–](${NUM}))?(?:\\s?(${SCALE_WORD})(?![${WORD}]))?\\+?`, "gi");
const WORD_TOKEN = new RegExp(`(?<![${WORD}$€£.,/#+\\-–])(${NUMBER_WORD})(?![${WORD}])(?:\\s?(${SCALE_WORD})(?![${WORD}]))?`, "gi");
/** Number words are rare; this cheap test spares most sentences the word patterns. */
const WORD_GATE = new RegExp(`\\b(?:${alternation(Object.keys(numbers.words).map((word) => word.split(" ").at(-1)!))})\\b`, "i");

const ATTACHED = quantities.attached.units as Record<string, QuantityUnit>;
const ATTACHED_UNIT = new RegExp(`\\s?(${alternation(Object.keys(ATTACHED))})(?![${WORD}])`, "y");

const HYPHENATED = quantities.hyphenated.units as Record<string, QuantityUnit>;
const HYPHENATED_LOWER = new Map(Object.entries(HYPHENATED).map(([word, unit]) => [word.toLowerCase(), unit]));
const HYPHEN_UNIT = new RegExp(
  `-(?:(${SCALE_WORD})-)?(${alternation(Object.keys(HYPHENATED))})(?:\\s+(${alternation(quantities.hyphenated.heads)}))?(?![${WORD}])`,
  "iy"
);

const NOUN_UNIT = new Map(
  entries<string[]>(quantities.nouns as Record<string, string[] | string>).flatMap(([unit, nouns]) =>
    nouns.map((noun) => [noun.toLowerCase().replace(/\s+/g, " "), unit as QuantityUnit] as const)
  )
);
const NOT_MODIFIER = `(?:${alternation(quantities.not_modifiers.words)})(?![${WORD}])`;
/** Up to three modifier words, then a listed noun: "13,800 NVIDIA GB300 GPUs", "12 regional data centres". */
const COUNTED_NOUN = new RegExp(
  `(?:\\s+(?!${NOT_MODIFIER})[${WORD}][${WORD}.\\-]*){0,3}?\\s+(${alternation(NOUN_UNIT.keys()).replace(/ /g, "\\s+")})(?![${WORD}])`,
  "iy"
);
/** The next lower-case word after a number, for open-class counts: "4,000 charge cycles". */
const NEXT_WORD = /\s+([a-z][a-z-]*)/y;
const LETTER = new RegExp(`[${WORD}]`);
const NOT_HEADS = new Set(quantities.open_counts.not_heads);
const NOT_MODIFIERS = new Set(quantities.not_modifiers.words);

const TEAM_HEDGE = "(?:(?:about|around|some|nearly|almost|roughly|more than|over|just)\\s+)?";
const TEAM = new RegExp(
  `(?<![${WORD}])(?:${alternation(quantities.team_phrases.phrases).replace(/ /g, "\\s+")})\\s+${TEAM_HEDGE}(${NUM}|${NUMBER_WORD})(?![${WORD}])`,
  "gi"
);
const TEAM_GATE = new RegExp(quantities.team_phrases.phrases.map((phrase) => phrase.split(" ")[0]).join("|"), "i");

/** Counts written around the number ("downloaded 150 million times"), each with the number's position as group 1. */
const PHRASES = Object.entries(quantities.phrases.patterns as Record<string, QuantityUnit>).map(([phrase, unit]) => {
  const [before, after] = phrase.split("{n}").map(cueSource);
  const gate = new RegExp(/^[\w ]+/.exec(phrase)![0].trim().split(" ")[0], "i");
  return {pattern: new RegExp(`(?<![${WORD}])${before}(${NUM}(?:\\s?(?:${SCALE_WORD}))?)${after}(?![${WORD}])`, "gi"), unit, gate};
});

/**
 * A bare number after a comparison ("400 staff, up from 90 a year earlier", "revenue of $40m, up from 25 million")
 * counts what the amount before it counts; the comparison words are lexicons/metrics.json's "periods.comparisons".
 */
const COMPARED = new RegExp(
  `(?<![${WORD}])((?:${cueAlternation(metrics.periods.comparisons)})\\s+${TEAM_HEDGE})(${NUM})(?:\\s?(${SCALE_WORD})|(${LETTER_SCALE}))?(?![${WORD}])(?![.,]\\d)`,
  "gi"
);
/** How far back, in characters, a compared number looks for the amount it is compared with. */
const COMPARED_WINDOW = 80;

const NOT_AFTER = new Set(quantities.not_after.words);
const NUMERAL = new RegExp(`^(?:\\d[\\d,.]*|${NUMBER_WORD})$`, "i");
const LABEL_EXCEPTIONS = new Set([...quantities.label_exceptions.words, ...Object.keys(dateWords.months), ...Object.keys(dateWords.weekdays)]);
const NOT_STAFF = new RegExp(`^\\s+(?:${cueAlternation(quantities.not_staff.after)})(?![${WORD}])`, "i");
const YEAR_LIKE = new RegExp(`^(?:${dateWords.years.from.toString().slice(0, 2)}|${dateWords.years.to.toString().slice(0, 2)})\\d{2}$`);

/** Every money amount and counted quantity in a text, in text order, none overlapping. */
export function findAmounts(text: string): Amount[] {
  const digits = /\d/.test(text);
  const words = WORD_GATE.test(text);
  if (!digits && !words) return [];
  const found: Found = {amounts: [], taken: new Taken(text.length)};
  if (digits) for (const m of execAll(MONEY_BEFORE, text)) add(found, moneyBefore(m));
  if (CURRENCY_WORD_GATE.test(text)) {
    if (digits) for (const m of execAll(MONEY_AFTER, text)) add(found, moneyAfter(m[0], m.index, m[1], m[3], m[4]));
    if (words) for (const m of execAll(MONEY_AFTER_WORDS, text)) add(found, moneyAfter(m[0], m.index, m[1], m[2], m[3]));
  }
  if (TEAM_GATE.test(text)) {
    for (const m of execAll(TEAM, text)) {
      const end = m.index + m[0].length;
      add(found, {start: m.index, end, numberStart: end - m[1].length, value: parseNumber(m[1]), unit: "employees"});
    }
  }
  for (const phrase of digits ? PHRASES : []) {
    if (phrase.gate.test(text)) for (const m of execAll(phrase.pattern, text)) add(found, phraseCount(m, phrase.unit));
  }
  const context: Context = {text, titleCase: undefined};
  for (const [run, pattern] of [[digits, NUMBER_TOKEN], [words, WORD_TOKEN]] as const) {
    if (!run) continue;
    for (const m of execAll(pattern, text)) {
      if (found.taken.overlaps(m.index, m.index + m[0].length)) continue;
      const [token, number, , scale] = m;
      add(found, pattern === NUMBER_TOKEN ? readQuantity(context, m.index, token, number, undefined, scale) : readQuantity(context, m.index, token, undefined, m[1], m[2]));
    }
  }
  if (digits && found.amounts.length) for (const m of execAll(COMPARED, text)) add(found, comparedAmount(found.amounts, m));
  return found.amounts.sort(byStart);
}

interface Found {
  amounts: Amount[];
  taken: Taken;
}

function add(found: Found, amount: Amount | null): void {
  if (!amount || found.taken.overlaps(amount.start, amount.end)) return;
  found.amounts.push(amount);
  found.taken.take(amount.start, amount.end);
}

function byStart(a: Amount, b: Amount): number {
  return a.start - b.start;
}

/** The number after a comparison, in the unit of the nearest amount before it; null when there is none near. */
function comparedAmount(amounts: Amount[], m: RegExpExecArray): Amount | null {
  const [whole, marker, number, scaleWord, letterScale] = m;
  const start = m.index + marker.length;
  const scale = scaleWord ?? letterScale;
  if (!scale && YEAR_LIKE.test(number)) return null;
  let previous: Amount | undefined;
  for (const amount of amounts) if (amount.end <= m.index && (!previous || amount.end > previous.end)) previous = amount;
  if (!previous || m.index - previous.end > COMPARED_WINDOW) return null;
  // Money needs its scale written out: "up from 25" after "$40 million" could be 25 dollars or 25 million.
  if (MONEY_UNITS.has(previous.unit) && !scale) return null;
  return {start, end: m.index + whole.length, numberStart: start, value: scaled(parseNumber(number), scaleOf(scale)), unit: previous.unit};
}

function phraseCount(m: RegExpExecArray, unit: QuantityUnit): Amount {
  const start = m.index + m[0].indexOf(m[1]);
  const number = /^[\d,.]+/.exec(m[1])![0];
  const value = scaled(parseNumber(number), scaleOf(m[1].slice(number.length).trim()));
  return {start, end: m.index + m[0].length, numberStart: start, value, unit};
}

function moneyBefore(m: RegExpMatchArray): Amount | null {
  const [whole, symbol, number, , scaleWord, letterScale] = m;
  const unit = BEFORE.get(symbol) ?? BEFORE.get(symbol.toUpperCase());
  const value = parseNumber(number);
  if (!unit || Number.isNaN(value)) return null;
  const start = m.index!;
  const numberStart = start + whole.indexOf(number, symbol.length);
  return {start, end: start + whole.length, numberStart, value: scaled(value, scaleOf(scaleWord ?? letterScale)), unit};
}

function moneyAfter(whole: string, start: number, number: string, scaleWord: string | undefined, word: string): Amount | null {
  const key = word.toLowerCase().replace(/\s+/g, " ");
  const unit = AFTER.get(key) ?? (scaleWord ? AFTER_SCALED.get(key) : undefined);
  const value = parseNumber(number);
  if (!unit || Number.isNaN(value)) return null;
  return {start, end: start + whole.length, numberStart: start, value: scaled(value, scaleOf(scaleWord)), unit};
}

interface Context {
  text: string;
  /** Computed when first needed: whether the text is a title-case headline. */
  titleCase: boolean | undefined;
}

function readQuantity(
  context: Context,
  start: number,
  token: string,
  digits: string | undefined,
  word: string | undefined,
  scaleWord: string | undefined
): Amount | null {
  const {text} = context;
  // A count of one in words ("one company") is rhetoric far more often than data.
  const number = parseNumber(digits ?? word!);
  if (Number.isNaN(number) || (word && number < 2)) return null;
  if (digits && !scaleWord && YEAR_LIKE.test(digits)) return null;
  if (isIdentifier(text, start, start + token.length) || isLabel(context, start)) return null;
  const value = scaled(number, scaleOf(scaleWord));
  const after = start + token.length;

  if (digits) {
    ATTACHED_UNIT.lastIndex = after;
    const attached = ATTACHED_UNIT.exec(text);
    if (attached) return {start, end: after + attached[0].length, numberStart: start, value, unit: ATTACHED[attached[1]]};
  }
  HYPHEN_UNIT.lastIndex = after;
  const hyphen = HYPHEN_UNIT.exec(text);
  if (hyphen) {
    const unit = HYPHENATED[hyphen[2]] ?? HYPHENATED_LOWER.get(hyphen[2].toLowerCase())!;
    return {start, end: after + hyphen[0].length, numberStart: start, value: scaled(value, scaleOf(hyphen[1])), unit};
  }
  // Digits glued to letters are names, ordinals and codes: "5G", "1st", "7B".
  if (digits && LETTER.test(text[after] ?? "")) return null;

  COUNTED_NOUN.lastIndex = after;
  const counted = COUNTED_NOUN.exec(text);
  if (counted) {
    const unit = NOUN_UNIT.get(counted[1].toLowerCase().replace(/\s+/g, " "))!;
    const end = after + counted[0].length;
    if (unit === "employees" && NOT_STAFF.test(text.slice(end, end + 60))) return null;
    return {start, end, numberStart: start, value, unit};
  }
  const end = digits ? openCountEnd(text, after) : -1;
  return end < 0 ? null : {start, end, numberStart: start, value, unit: "count"};
}

/**
 * Where an open-class count ends: a number in digits, then up to three lower-case words ending in a plural noun ("4,500
 * robots", "4.2 million sole traders"); -1 when there is none.
 */
function openCountEnd(text: string, after: number): number {
  let position = after;
  for (let i = 0; i < quantities.open_counts.max_words; ++i) {
    NEXT_WORD.lastIndex = position;
    const next = NEXT_WORD.exec(text);
    if (!next || LETTER.test(text[NEXT_WORD.lastIndex] ?? "")) return -1;
    const word = next[1];
    if (NOT_MODIFIERS.has(word) || NOT_HEADS.has(word)) return -1;
    position = NEXT_WORD.lastIndex;
    if (isPlural(word)) return position;
  }
  return -1;
}

function isPlural(word: string): boolean {
  return word.length > 3 && word.endsWith("s") && !/(?:ss|us|is|ics)$/.test(word);
}

/** A number right after a label word ("version 2", "Series 3") or a name in mid-sentence ("Nemotron 4", "Llama 3"). */
function isLabel(context: Context, start: number): boolean {
  const {text} = context;
  const [word, previous] = wordsBefore(text, start, 2);
  if (!word) return false;
  // "version 2", "Series 3", "top 10"; and the second number of a ratio: "3 in 4 developers".
  if (NOT_AFTER.has(word.toLowerCase()) || ((word === "in" || word === "of") && previous && NUMERAL.test(previous))) return true;
  if (!/^\p{Lu}/u.test(word) || LABEL_EXCEPTIONS.has(word.replace(/[,;:]$/, ""))) return false;
  if (/[,;:)]$/.test(word)) return false;
  context.titleCase ??= isTitleCase(text);
  // A capitalised word that starts the sentence is just capitalised ("About 300 people"); in a headline, every word is.
  return !context.titleCase && text.slice(0, start).trimEnd().length > word.length;
}

/**
 * The `count` whitespace-separated words before a position, nearest first: "… Series 3" → ["Series", "…"]. Looks at
 * most 60 characters back, so that a long run without spaces costs no more than a short one.
 */
export function wordsBefore(text: string, position: number, count: number): string[] {
  const words: string[] = [];
  const limit = Math.max(0, position - 60);
  let end = position;
  while (words.length < count) {
    while (end > limit && isSpace(text.charCodeAt(end - 1))) --end;
    let start = end;
    while (start > limit && !isSpace(text.charCodeAt(start - 1))) --start;
    if (start === end) break;
    words.push(text.slice(start, end));
    end = start;
  }
  return words;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 160;
}

/** Digit groups separated by spaces or dots are phone numbers and ids: "+41 44 512 38 90". */
function isIdentifier(text: string, start: number, end: number): boolean {
  return /\d[\s.]$/.test(text.slice(Math.max(0, start - 2), start)) || /^[\s.]\d/.test(text.slice(end, end + 2));
}

/** A headline in title case capitalises every word, so a capital before a number says nothing about names there. */
function isTitleCase(text: string): boolean {
  const words = text.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  if (words.length < 4) return false;
  let capitalised = 0;
  for (const word of words) if (/^\p{Lu}/u.test(word)) capitalised += 1;
  return capitalised / words.length >= 0.6;
}

