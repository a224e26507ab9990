import {csvParse} from "d3-dsv";
import {readFile} from "node:fs/promises";
import {dirname, join} from "node:path";
import type {DocumentMetadata, Problem} from "../types.ts";
import {normalizeDate} from "./frontMatter.ts";

/**
 * Per-folder metadata for articles that cannot carry front matter (plain text kept byte-for-byte as published):
 * a `metadata.csv` beside them with columns file, title, outlet, url, published.
 */
export const SIDECAR_NAME = "metadata.csv";

export type Sidecar = Map<string, Partial<DocumentMetadata>>;

/** Reads the sidecar of every folder that holds a corpus file; folders without one get an empty map. */
export async function readSidecars(root: string, files: string[]): Promise<{sidecars: Map<string, Sidecar>; problems: Problem[]}> {
  const sidecars = new Map<string, Sidecar>();
  const problems: Problem[] = [];
  for (const folder of new Set(files.map((file) => dirname(file)))) {
    const file = folder === "." ? SIDECAR_NAME : `${folder}/${SIDECAR_NAME}`;
    let source: string;
    try {
      source = await readFile(join(root, file), "utf8");
    } catch {
      sidecars.set(folder, new Map());
      continue;
    }
    const sidecar: Sidecar = new Map();
    for (const [i, row] of csvParse(source).entries()) {
      if (!row.file) {
        problems.push({file, problem: "bad_metadata", detail: `row ${i + 2} has no file name; every row needs the article's file name`});
        continue;
      }
      const entry: Partial<DocumentMetadata> = {};
      if (row.title) entry.title = row.title.trim();
      if (row.outlet) entry.outlet = row.outlet.trim();
      if (row.url) entry.url = row.url.trim();
      if (row.published) {
        const date = normalizeDate(row.published);
        if (date) entry.published = date;
        else problems.push({file, problem: "bad_metadata", detail: `row ${i + 2} (${row.file}): published "${row.published}" is not a date, so it was ignored; write it as YYYY-MM-DD`});
      }
      sidecar.set(row.file, entry);
    }
    sidecars.set(folder, sidecar);
  }
  return {sidecars, problems};
}

export function sidecarEntry(sidecars: Map<string, Sidecar>, file: string): Partial<DocumentMetadata> {
  const folder = dirname(file);
  const name = file.slice(folder === "." ? 0 : folder.length + 1);
  return sidecars.get(folder)?.get(name) ?? {};
}
