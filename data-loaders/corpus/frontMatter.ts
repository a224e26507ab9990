import matter from "gray-matter";
import type {DocumentMetadata} from "../types.ts";

export type FrontMatterResult = {body: string; metadata: Partial<DocumentMetadata>} | {problem: "bad_front_matter"; detail: string};

const FIELDS = ["title", "outlet", "url", "published"] as const;

/** Splits YAML front matter (`title`, `outlet`, `url`, `published`) from a Markdown article's body. */
export function parseFrontMatter(source: string): FrontMatterResult {
  // Only a bare "---" opens front matter: gray-matter would run "---js" or "---javascript" front matter through eval().
  if (!/^---[ \t]*\n/.test(source)) return {body: source, metadata: {}};
  let parsed;
  try {
    // An empty options object bypasses gray-matter's cache, which would otherwise hold every document in memory.
    parsed = matter(source, {});
  } catch (error) {
    const reason = (error as Error).message.split("\n")[0];
    return {problem: "bad_front_matter", detail: `front matter is not valid YAML (${reason}); fix it or remove the --- block`};
  }
  if (parsed.data === null || typeof parsed.data !== "object" || Array.isArray(parsed.data)) {
    return {problem: "bad_front_matter", detail: "front matter is not a YAML mapping; write one `field: value` line each for title, outlet, url and published"};
  }
  const metadata: Partial<DocumentMetadata> = {};
  for (const field of FIELDS) {
    const value = (parsed.data as Record<string, unknown>)[field];
    if (value == null) continue;
    if (field === "published") {
      const date = normalizeDate(value);
      if (date === null) return {problem: "bad_front_matter", detail: `published is not a date (${String(value)}); write it as YYYY-MM-DD`};
      metadata.published = date;
    } else if (typeof value === "string" || typeof value === "number") {
      metadata[field] = String(value).trim();
    } else {
      return {problem: "bad_front_matter", detail: `${field} is ${Array.isArray(value) ? "a list" : `a ${typeof value}`}; write it as one line of text`};
    }
  }
  return {body: parsed.content, metadata};
}

/** An ISO date (YYYY-MM-DD) from a YAML date, an ISO date-time string or a date string, else null. */
export function normalizeDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(+value) ? null : value.toISOString().slice(0, 10);
  if (typeof value !== "string") return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (!match) return null;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(+y, +m - 1, +d));
  return date.getUTCMonth() === +m - 1 && date.getUTCDate() === +d ? `${y}-${m}-${d}` : null;
}
