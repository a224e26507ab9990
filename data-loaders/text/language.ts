import stopwords from "../lexicons/stopwords.json" with {type: "json"};

const WORD = /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu;
const LETTERS = /\p{L}+/gu;

/** Each function word and the languages it belongs to ("de" is Spanish, Portuguese and French). */
const LANGUAGES_OF = new Map<string, string[]>();
for (const [code, words] of Object.entries(stopwords)) {
  if (code.startsWith("_")) continue;
  for (const word of words as string[]) LANGUAGES_OF.set(word, [...(LANGUAGES_OF.get(word) ?? []), code]);
}

/** The languages the extraction rules are written for ("und": too little text to tell); documents in others are skipped. */
const EXTRACTED_LANGUAGES = new Set(["en", "und"]);

export function isExtracted(language: string): boolean {
  return EXTRACTED_LANGUAGES.has(language);
}

/** Fewer stopword hits than this and the language is "und" (undetermined): too little text to tell. */
const MIN_HITS = 8;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** The language whose function words are commonest in the text (an ISO 639-1 code), or "und". */
export function detectLanguage(text: string): string {
  const counts = new Map<string, number>();
  // match, not matchAll: the words alone, without a match object (index, groups) built for each.
  for (const word of text.toLowerCase().match(LETTERS) ?? []) {
    for (const code of LANGUAGES_OF.get(word) ?? []) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let best = "und";
  let bestCount = MIN_HITS - 1;
  for (const [code, count] of counts) if (count > bestCount) [best, bestCount] = [code, count];
  return best;
}
