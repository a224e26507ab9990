import type {ProblemKind} from "../../data-loaders/types.ts";
import {ENGLISH_ARTICLE, FRENCH_ARTICLE, linkInCorpus, writeCorpus} from "./corpus.ts";

/** Articles that are awkward to read but must all be kept: Windows line endings, UTF-16 with a byte-order mark. */
const AWKWARD_GOOD_FILES: Record<string, string | Uint8Array> = {
  "good/northwind.md": ENGLISH_ARTICLE,
  "good/southwind-crlf.md": ENGLISH_ARTICLE.replace(/Northwind/g, "Southwind").replace(/\n/g, "\r\n"),
  "good/eastwind-utf16.md": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ENGLISH_ARTICLE.replace(/Northwind/g, "Eastwind"), "utf16le")])
};

export const GOOD_DOC_IDS = ["good/eastwind-utf16", "good/northwind", "good/southwind-crlf"];

/** One file of every kind the loaders must skip, and not a .csv, which is not an article at all. */
const BAD_FILES: Record<string, string | Uint8Array> = {
  "bad/empty.txt": "",
  "bad/binary.txt": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]),
  "bad/latin1.txt": Buffer.from("Soci\xe9t\xe9 g\xe9n\xe9rale raised \x8040 million.", "latin1"),
  // About 6 MB: over the 5 MB limit.
  "bad/huge.txt": "Acme raised money. ".repeat(300_000),
  "bad/front-matter.md": "---\ntitle: [oops\n---\nAcme raised €5m.\n",
  // The same bytes as good/northwind.md, saved again elsewhere.
  "resaved/northwind.md": ENGLISH_ARTICLE,
  "bad/french.txt": FRENCH_ARTICLE,
  "bad/navigation.html": "<html><body><nav><a href='/'>Home</a><a href='/a'>World</a></nav></body></html>",
  "notes.csv": "not,an,article\n"
};

/** The symbolic link that points back at the corpus root. */
const LOOP = "loop/again";

/** The one row problems.csv must hold for each bad file, by file, with the advice its warning must give. */
export const EXPECTED_PROBLEMS: Record<string, {problem: ProblemKind; advice: RegExp}> = {
  "bad/binary.txt": {problem: "binary", advice: /save the article as UTF-8 text/},
  "bad/empty.txt": {problem: "empty", advice: /delete the file or paste the article's text/},
  "bad/french.txt": {problem: "not_english", advice: /add an English version .* or move the file out of the corpus/},
  "bad/front-matter.md": {problem: "bad_front_matter", advice: /fix it or remove the --- block/},
  "bad/huge.txt": {problem: "too_large", advice: /split the file into articles/},
  "bad/latin1.txt": {problem: "invalid_utf8", advice: /re-save the file as UTF-8/},
  "bad/navigation.html": {problem: "no_article_text", advice: /save the article page itself/},
  [LOOP]: {problem: "unreadable", advice: /remove the link/},
  "resaved/northwind.md": {problem: "duplicate", advice: /same text as good\/northwind\.md; remove the duplicate/}
};

/** A corpus with every kind of bad file, the awkward good ones and `extra`; returns its path. */
export async function writeEveryKindOfFile(extra: Record<string, string | Uint8Array> = {}): Promise<string> {
  const corpus = await writeCorpus({...AWKWARD_GOOD_FILES, ...BAD_FILES, ...extra});
  await linkInCorpus(corpus, LOOP, "..");
  return corpus;
}
