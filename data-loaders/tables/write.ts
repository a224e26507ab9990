import {randomBytes} from "node:crypto";
import {copyFile, link, mkdir, readdir, rename, rm, writeFile} from "node:fs/promises";
import {dirname, join} from "node:path";

/** What a file being written is called until it is renamed into place: its name, 12 random hex digits, ".tmp". */
const TEMPORARY_SUFFIX = /\.[0-9a-f]{12}\.tmp$/;

/**
 * A file's contents (whole, or as pieces written one after another), or another file to copy them from. A copy is a
 * hard link where the file system allows one: tables are hundreds of megabytes at scale, and a link writes nothing.
 * Whoever edits a linked file edits both; the tables cache notices by the file's size and time and stops using it.
 */
export type FileContents = string | string[] | Uint8Array | {copyOf: string};

/**
 * Writes each table to a temporary file beside its destination and renames it into place, so a crash or a kill
 * leaves either the previous table or the new one, never a partial file.
 */
export async function writeTablesAtomically(dir: string, tables: Record<string, FileContents>): Promise<void> {
  await mkdir(dir, {recursive: true});
  for (const [name, contents] of Object.entries(tables)) {
    // A name may hold a folder ("pages/figures.csv").
    if (name.includes("/")) await mkdir(dirname(join(dir, name)), {recursive: true});
    await writeFileAtomically(join(dir, name), contents);
  }
}

export async function writeFileAtomically(path: string, contents: FileContents): Promise<void> {
  const temporary = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    if (typeof contents === "object" && "copyOf" in contents) await link(contents.copyOf, temporary).catch(() => copyFile(contents.copyOf, temporary));
    else if (Array.isArray(contents)) await writeFile(temporary, batches(contents));
    else await writeFile(temporary, contents);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, {force: true});
    throw error;
  }
}

/** Bytes gathered before each write: one call per piece would make thousands of small writes of a large table. */
const WRITE_BATCH = 1 << 20;

/** The pieces joined into batches of about WRITE_BATCH characters, so a large table is neither one string nor thousands of writes. */
function* batches(pieces: string[]): Generator<string> {
  let batch: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    batch.push(piece);
    length += piece.length;
    if (length < WRITE_BATCH) continue;
    yield batch.join("");
    [batch, length] = [[], 0];
  }
  if (batch.length) yield batch.join("");
}

/**
 * Deletes the temporary files a killed run left beside these names. Only for a folder one process writes (the CLI's
 * --out): where several loaders share a folder, it could delete a file another is about to rename into place.
 */
export async function removeTemporaries(dir: string, names: readonly string[]): Promise<void> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  const leftovers = entries.filter((entry) => TEMPORARY_SUFFIX.test(entry) && names.includes(entry.replace(TEMPORARY_SUFFIX, "")));
  await Promise.all(leftovers.map((entry) => rm(join(dir, entry), {force: true})));
}
