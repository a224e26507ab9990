import {mkdir, readdir, readFile, rm} from "node:fs/promises";
import {join} from "node:path";
import {deserialize, serialize} from "node:v8";
import type {PackedDocument} from "../tables/documentTables.ts";
import {writeFileAtomically} from "../tables/write.ts";
import type {SourceDocument} from "../types.ts";
import {EXTRACTOR_VERSION} from "./version.ts";

/**
 * Everything a run needs from the previous one: which corpus files were read as which documents (so an unchanged
 * file is not read again), and each document's packed tables (so an unchanged document is not extracted, parsed or
 * formatted again). At 10,000 documents, opening 10,000 cache entries and parsing them as JSON cost more than the
 * rest of a re-run, so the pack is a few files read whole. It holds the latest run's corpus only; the per-document
 * store keeps every document ever extracted.
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

/**
 * Documents are split into shards by the first hex digit of their key, so a run that adds or removes a few
 * documents writes the few shards they fall in, not the whole pack.
 */
const SHARDS = "0123456789abcdef";
/** Part names carry the extractor version, so a run never reads a part another version wrote (it could not use it). */
const FILES = `files.${EXTRACTOR_VERSION}.v8`;
const shardFile = (shard: string) => `documents-${shard}.${EXTRACTOR_VERSION}.v8`;

export function emptyPack(): Pack {
  return {files: {}, documents: {}};
}

/** The pack in `dir`; a part that is missing, unreadable or made by another version of the extractor reads as empty. */
export async function readPack(dir: string): Promise<Pack> {
  const pack = emptyPack();
  pack.files = (await readPart<Pack["files"]>(join(dir, FILES))) ?? {};
  for (const shard of SHARDS) Object.assign(pack.documents, await readPart<Pack["documents"]>(join(dir, shardFile(shard))));
  return pack;
}

/**
 * Writes `next` into `dir`, skipping every shard that holds the same documents in `previous`, and removes the parts
 * of other versions.
 */
export async function writePack(dir: string, next: Pack, previous: Pack): Promise<void> {
  await mkdir(dir, {recursive: true});
  const current = new Set([FILES, ...[...SHARDS].map(shardFile)]);
  // A temporary of a current part may be another run's write in progress; one of an old part is a killed run's.
  for (const name of await readdir(dir)) if (!current.has(name.replace(/\.[0-9a-f]+\.tmp$/, ""))) await rm(join(dir, name), {force: true});
  await writePart(join(dir, FILES), next.files);
  for (const shard of SHARDS) {
    const inShard = (documents: Pack["documents"]) => Object.keys(documents).filter((key) => key[0] === shard).sort();
    const keys = inShard(next.documents);
    const before = inShard(previous.documents);
    if (keys.length === before.length && keys.every((key, i) => key === before[i])) continue;
    await writePart(join(dir, shardFile(shard)), Object.fromEntries(keys.map((key) => [key, next.documents[key]])));
  }
}

async function readPart<T>(path: string): Promise<T | null> {
  try {
    const stored = deserialize(await readFile(path));
    return stored?.version === EXTRACTOR_VERSION && stored.value ? (stored.value as T) : null;
  } catch {
    // A truncated or garbled part is a miss: its documents then come from the per-document store.
    return null;
  }
}

async function writePart(path: string, value: unknown): Promise<void> {
  await writeFileAtomically(path, serialize({version: EXTRACTOR_VERSION, value}));
}
