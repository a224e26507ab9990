/**
 * Reading the numbers of news text: digits with separators ("13,800", "1.7"), number words ("nine", "twenty-five",
 * "two hundred", "a dozen") and scale words ("3.9bn", "5.8 billion", "€132mn"). The vocabularies are in
 * lexicons/numbers.json.
 */
import numbers from "../lexicons/numbers.json" with {type: "json"};
import {alternation} from "./cuePatterns.ts";

const WORDS = numbers.words as Record<string, number>;
const MULTIPLIERS = numbers.multipliers as Record<string, number>;
const SCALES = numbers.scales as Record<string, number>;
const LETTER_SCALES = numbers.letter_scales as Record<string, number>;

const TENS = Object.keys(WORDS).filter((word) => WORDS[word] >= 20 && WORDS[word] < 100 && WORDS[word] % 10 === 0);
const UNITS = Object.keys(WORDS).filter((word) => WORDS[word] >= 1 && WORDS[word] <= 9);
const SIMPLE = Object.keys(WORDS);
const words = (list: string[]) => alternation(list);

/** Digits, with thousands separators or a decimal part: "13,800", "1.7", "400". */
export const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;

/** A number in words: "nine", "twenty-five", "twenty five", "two hundred", "a dozen". In lower case: match with the i flag. */
export const NUMBER_WORD =
  `(?:(?:${words(TENS)})[- ](?:${words(UNITS)})|${words(SIMPLE)})` + `(?: (?:${words(Object.keys(MULTIPLIERS))}))?`;

/** A scale word after a number: "billion", "bn", "mn". In lower case: match with the i flag. */
export const SCALE_WORD = alternation(Object.keys(SCALES));

/** A one-letter scale glued to an amount of money: "$6b", "£45m", "€2.1B". */
export const LETTER_SCALE = alternation(Object.keys(LETTER_SCALES));

/** Digits or words, as one alternation. */
export const NUMBER = `(?:${DIGITS}|${NUMBER_WORD})`;

const COMPOUND = new RegExp(`^(${alternation(TENS)})[- ](${alternation(UNITS)})$`);
const MULTIPLIED = new RegExp(`^(.+?) (${alternation(Object.keys(MULTIPLIERS))})$`);

/** The value of digits or a number word: "13,800" → 13800, "twenty-five" → 25, "a dozen" → 12; NaN otherwise. */
export function parseNumber(text: string): number {
  const lower = text.trim().toLowerCase();
  if (/^\d/.test(lower)) return /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(lower) ? Number(lower.replace(/,/g, "")) : NaN;
  const multiplied = MULTIPLIED.exec(lower);
  if (multiplied) return parseNumber(multiplied[1]) * MULTIPLIERS[multiplied[2]];
  if (Object.hasOwn(WORDS, lower)) return WORDS[lower];
  const compound = COMPOUND.exec(lower);
  return compound ? WORDS[compound[1]] + WORDS[compound[2]] : NaN;
}

/** The multiplier of a scale word or letter: "billion" → 1e9, "m" → 1e6; 1 when there is none. */
export function scaleOf(scale: string | undefined): number {
  if (!scale) return 1;
  const word = scale.trim();
  return SCALES[word.toLowerCase()] ?? LETTER_SCALES[word] ?? LETTER_SCALES[word.toUpperCase()] ?? 1;
}

/** Multiplies without binary noise: 1.7 × 1e9 is 1700000000, not 1699999999.9999998. */
export function scaled(value: number, scale: number): number {
  const result = value * scale;
  return scale === 1 ? result : Math.round(result * 1e6) / 1e6;
}

const EXPRESSION = new RegExp(`^(${NUMBER})(?:\\s?(${SCALE_WORD})|(${LETTER_SCALE}))?$`, "i");

/**
 * The value of a whole number expression without its unit: "3.9bn" → 3900000000, "5.8 billion" → 5800000000,
 * "2.1B" → 2100000000, "twenty-five" → 25; null when the text is not one.
 */
export function parseNumberExpression(text: string): number | null {
  const match = EXPRESSION.exec(text.trim());
  if (!match) return null;
  const value = parseNumber(match[1]);
  return Number.isNaN(value) ? null : scaled(value, scaleOf(match[2] ?? match[3]));
}
