/** Words of a sentence as the name finder sees them: surface, a folded form for lookups, offsets and the gap before. */

export interface NameToken {
  text: string;
  /** Lower case, without diacritics, with typographic apostrophes made straight: the key for every lookup. */
  fold: string;
  /** UTF-16 offsets into the document text. */
  start: number;
  end: number;
  /** The characters between the previous token (or the sentence start) and this one. */
  gap: string;
  /** Starts with an upper-case letter ("Paris", "AWS"), or with a lower-case one ("data", "iPhone"). */
  upper: boolean;
  lower: boolean;
}

// Letters and digits, joined by inner full stops, ampersands and apostrophes ("Character.AI", "AT&T", "O'Neil",
// "v2.5"). Hyphens separate tokens, so "Paris-based" still mentions Paris; the gap records the hyphen. Written as a
// loop over character codes rather than a Unicode expression: this runs over every word of the corpus.
const INITIALISM = /^(?:\p{L}\.)+\p{L}$/u;

export function tokenize(text: string, offset = 0): NameToken[] {
  const tokens: NameToken[] = [];
  let previousEnd = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (charClass(text.charCodeAt(i)) !== WORD) {
      ++i;
      continue;
    }
    const start = i;
    let ascii = true;
    while (i < n) {
      const code = text.charCodeAt(i);
      const kind = charClass(code);
      if (kind === WORD || kind === MARK) {
        if (code > 127) ascii = false;
        ++i;
      } else if (JOINERS.has(code) && i + 1 < n && charClass(text.charCodeAt(i + 1)) === WORD) {
        if (code > 127) ascii = false;
        i += 2;
        if (text.charCodeAt(i - 1) > 127) ascii = false;
      } else break;
    }
    let value = text.slice(start, i);
    // A possessive belongs to the sentence, not the name: "Mistral’s" mentions "Mistral".
    if (value.length > 2 && (value.endsWith("'s") || value.endsWith("’s"))) value = value.slice(0, -2);
    // Initialisms keep their final full stop ("U.S.", "S.A."), which the loop above leaves out.
    else if (text.charCodeAt(i) === 46 && value.charCodeAt(1) === 46 && INITIALISM.test(value)) value += ".";
    const end = start + value.length;
    tokens.push({
      text: value,
      fold: ascii ? value.toLowerCase() : fold(value),
      start: offset + start,
      end: offset + end,
      gap: text.slice(previousEnd, start),
      upper: isCapitalised(value),
      lower: isLowercase(value)
    });
    previousEnd = end;
    i = Math.max(i, end);
  }
  return tokens;
}

const WORD = 1;
const MARK = 2;
const OTHER = 3;
/** . & ' ’ */
const JOINERS = new Set([46, 38, 39, 8217]);
const classes = new Uint8Array(65536);

function charClass(code: number): number {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) ? WORD : OTHER;
  let kind = classes[code];
  if (!kind) {
    const char = String.fromCharCode(code);
    // Surrogate halves (emoji, rare scripts) are not word characters here.
    kind = code >= 0xd800 && code <= 0xdfff ? OTHER : /[\p{L}\p{N}]/u.test(char) ? WORD : /\p{M}/u.test(char) ? MARK : OTHER;
    classes[code] = kind;
  }
  return kind;
}

const NON_ASCII = /[^\x00-\x7f]/;

export function fold(text: string): string {
  // Most words are plain ASCII; only the rest pay for Unicode decomposition.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/’/g, "'").toLowerCase();
}

// These run on every word, so plain ASCII is decided on its character code before any Unicode expression.
export function isCapitalised(text: string): boolean {
  const code = text.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return /^\p{Lu}/u.test(text);
}

export function isLowercase(text: string): boolean {
  const code = text.charCodeAt(0);
  if (code < 128) return code >= 97 && code <= 122;
  return /^\p{Ll}/u.test(text);
}

/** Every letter upper case and at least two letters: "AWS", "U.S.", "GB300". */
export function isAllCaps(text: string): boolean {
  if (!isCapitalised(text)) return false;
  return !/\p{Ll}/u.test(text) && (text.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

/**
 * A capital after the first letter in a word with lower-case letters ("TechBooky", "ElevenLabs", "AIssential"):
 * spelling that common words never have, so a strong sign of a name. Plural initialisms ("LLMs", "CTOs") are not.
 */
export function isInnerCapitalised(text: string): boolean {
  return /^\p{Lu}.*\p{Lu}/u.test(text) && /\p{Ll}/u.test(text) && !/^\p{Lu}+s$/u.test(text);
}

/** A version or model number after a product name: "4", "2.5", "v2.5", "4o". Years are not versions. */
export function isVersion(text: string): boolean {
  return /^v?\d{1,3}(?:\.\d+)*[a-z]?$/iu.test(text) && !/^(?:19|20)\d\d$/u.test(text);
}

/** Only spaces (no line break, no punctuation) between two words. */
export const isSpace = (gap: string): boolean => gap === " " || /^[ \t\u00a0\u202f]+$/u.test(gap);
export const isHyphen = (gap: string): boolean => gap === "-" || gap === "‑";
