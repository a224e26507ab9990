import {createHash} from "node:crypto";
import {readFile, stat} from "node:fs/promises";
import {extname} from "node:path";
import type {DocumentMetadata, Problem, SourceDocument} from "../types.ts";
import {decodeText} from "./decode.ts";
import {type CorpusFile, docIdOf} from "./discover.ts";
import {parseFrontMatter} from "./frontMatter.ts";
import {extractHtml} from "./html.ts";

/** Files over this size are refused: no news article is this long, and one stray dump must not stall a run. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Reads one corpus file into a document, or a problem saying why it was skipped and what to do. */
export async function readDocument(corpusFile: CorpusFile, sidecar: Partial<DocumentMetadata> = {}): Promise<SourceDocument | Problem> {
  const {path, file} = corpusFile;
  const fail = (problem: Problem["problem"], detail: string): Problem => ({file, problem, detail});
  let bytes: Buffer;
  try {
    const {size} = await stat(path);
    if (size > MAX_FILE_BYTES) return fail("too_large", `${(size / 1048576).toFixed(1)} MB is over the 5 MB limit; split the file into articles`);
    bytes = await readFile(path);
  } catch (error) {
    return fail("unreadable", `cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check its permissions`);
  }
  return documentFromBytes(file, bytes, sidecar);
}

/** The pure part of reading: bytes and sidecar metadata in, a document or a problem out. */
export function documentFromBytes(file: string, bytes: Uint8Array, sidecar: Partial<DocumentMetadata> = {}): SourceDocument | Problem {
  const fail = (problem: Problem["problem"], detail: string): Problem => ({file, problem, detail});
  const decoded = decodeText(bytes);
  if ("problem" in decoded) return fail(decoded.problem, decoded.detail);
  let text = decoded.text;
  let declared: Partial<DocumentMetadata> = {};
  const extension = extname(file).toLowerCase();
  if (extension === ".md") {
    const parsed = parseFrontMatter(text);
    if ("problem" in parsed) return fail(parsed.problem, parsed.detail);
    ({body: text, metadata: declared} = parsed);
  } else if (extension === ".html" || extension === ".htm") {
    const extracted = extractHtml(text);
    if ("problem" in extracted) return fail(extracted.problem, extracted.detail);
    ({text, metadata: declared} = extracted);
  }
  if (!text.trim()) return fail("empty", "no text after the front matter; add the article's text below the closing --- or delete the file");
  const metadata = {...sidecar, ...declared};
  return {
    doc_id: docIdOf(file),
    file,
    title: metadata.title || headline(text),
    outlet: metadata.outlet ?? "",
    url: safeUrl(metadata.url ?? ""),
    published: metadata.published ?? "",
    text,
    sha256: createHash("sha256").update(bytes).digest("hex")
  };
}

/** The first line when it reads as a headline (short, no closing full stop); else no title. */
export function headline(text: string): string {
  const first = text.trimStart().split("\n", 1)[0].replace(/^#+\s*/, "").trim();
  return first.length > 0 && first.length <= 160 && !/[.:;,]$/.test(first) ? first : "";
}

/** Only http(s) URLs are kept, so a `javascript:` or `data:` URL in front matter can never become a link. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : "";
  } catch {
    return "";
  }
}
