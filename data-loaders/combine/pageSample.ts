import type {DocumentRow} from "../tables/schema.ts";
import type {Entity} from "../types.ts";

/**
 * The most documents the analysis pages read. Pages load their tables whole into the browser; at about 2 KB of
 * gzipped page data per synthetic news article, this keeps the heaviest page under 2 MB however large the corpus.
 */
export const MAX_PAGE_DOCUMENTS = 400;

export interface PageSample {
  /** The doc_ids the pages read, sorted. */
  documents: string[];
  /** How many documents the corpus has. */
  total: number;
  /** The organisation the sample is chosen for (the one named most often), or null when the pages read everything. */
  focus: string | null;
}

/**
 * The documents the analysis pages read: every document when there are at most `limit`; else the newest (by the date
 * each is written from) of those that name the organisation the corpus names most, the one the pages analyse, topped
 * up with the newest others when fewer than `limit` name it. The full tables stay available for download.
 */
export function pageSample(documents: DocumentRow[], entities: Entity[], limit = MAX_PAGE_DOCUMENTS): PageSample {
  const all = documents.map((row) => row.doc_id).sort(compare);
  if (all.length <= limit) return {documents: all, total: all.length, focus: null};
  let focus: Entity | undefined;
  // Entities come sorted by entity_id, so a tie goes to the first, as on the pages (components/select.js).
  for (const entity of entities) if (entity.type === "organization" && entity.mentions > (focus?.mentions ?? -1)) focus = entity;
  const naming = new Set(focus?.documents ?? []);
  const newestFirst = [...documents].sort((a, b) => Number(naming.has(b.doc_id)) - Number(naming.has(a.doc_id)) || compare(b.reference_date, a.reference_date) || compare(a.doc_id, b.doc_id));
  return {documents: newestFirst.slice(0, limit).map((row) => row.doc_id).sort(compare), total: all.length, focus: focus?.name ?? null};
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
