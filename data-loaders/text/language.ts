import stopwords from "../lexicons/stopwords.json" with {type: "json"};

const WORD = /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu;

const LANGUAGES: [string, Set<string>][] = Object.entries(stopwords)
  .filter(([code]) => !code.startsWith("_"))
  .map(([code, words]) => [code, new Set(words as string[])]);

/** Fewer stopword hits than this and the language is "und" (undetermined): too little text to tell. */
const MIN_HITS = 8;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** The language whose function words are commonest in the text (an ISO 639-1 code), or "und". */
export function detectLanguage(text: string): string {
  const counts = new Map<string, number>();
  for (const [word] of text.toLowerCase().matchAll(/\p{L}+/gu)) {
    for (const [code, words] of LANGUAGES) if (words.has(word)) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let best = "und";
  let bestCount = MIN_HITS - 1;
  for (const [code, count] of counts) if (count > bestCount) [best, bestCount] = [code, count];
  return best;
}
