import {readFile} from "node:fs/promises";
import {deserialize, serialize} from "node:v8";
import type {PackedDocument} from "../tables/documentTables.ts";
import {writeFileAtomically} from "../tables/write.ts";
import type {SourceDocument} from "../types.ts";
import {EXTRACTOR_VERSION} from "./version.ts";

/**
 * Everything a run needs from the previous one, in one file: which corpus files were read as which documents (so an
 * unchanged file is not read again), and each document's packed tables (so an unchanged document is not extracted,
 * parsed or formatted again). One file, read in one call, because at 10,000 documents opening 10,000 cache entries
 * and parsing them as JSON cost more than the rest of a re-run. It holds the latest run's corpus only; the
 * per-document store keeps every document ever extracted.
 */
export interface Pack {
  files: Record<string, ReadFile>;
  /** By extraction key. */
  documents: Record<string, PackedDocument>;
}

/** A corpus file as it was read: what identifies its version on disk, and the document it gave, without its text. */
export interface ReadFile {
  size: number;
  mtimeMs: number;
  /** The sidecar metadata the file was read with, as JSON: a changed sidecar row means reading the file again. */
  sidecar: string;
  document: Omit<SourceDocument, "text">;
  /** SHA-256 of the trimmed text, to find duplicates without the text. */
  textHash: string;
}

export function emptyPack(): Pack {
  return {files: {}, documents: {}};
}

/** The pack at `path`, or an empty one when it is missing, unreadable, or made by another version of the extractor. */
export async function readPack(path: string): Promise<Pack> {
  try {
    const stored = deserialize(await readFile(path));
    if (stored?.version === EXTRACTOR_VERSION && stored.files && stored.documents) return {files: stored.files, documents: stored.documents};
  } catch {
    // A truncated or garbled pack is a miss: every document then comes from the per-document store.
  }
  return emptyPack();
}

export async function writePack(path: string, pack: Pack): Promise<void> {
  await writeFileAtomically(path, serialize({version: EXTRACTOR_VERSION, ...pack}));
}
