import {createHash} from "node:crypto";

const PLAIN = /^[A-Za-z0-9._-]+$/;

/**
 * The path segment of a document's reader page: its doc_id with "/" written "~" ("seeds/001_98d2" becomes
 * "seeds~001_98d2"), readable and reversible. A doc_id with any other character outside [A-Za-z0-9._-] (spaces,
 * accents, "~", "?", "#") gets those replaced by "-" and a short hash of the doc_id appended, so two documents can
 * never share a page and no URL needs escaping. A slug never starts with "-": documents.csv would write it with the
 * apostrophe that stops spreadsheets reading a formula, and the pages' links to it would break.
 */
export function readerSlug(docId: string): string {
  const segments = docId.split("/");
  if (segments.every((segment) => PLAIN.test(segment)) && !docId.startsWith("-")) return segments.join("~");
  const readable = segments.map((segment) => segment.replace(/[^A-Za-z0-9._-]+/g, "-")).join("~").replace(/^-+/, "");
  const hash = createHash("sha256").update(docId).digest("hex").slice(0, 8);
  return readable ? `${readable}-${hash}` : hash;
}
