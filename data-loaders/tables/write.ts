import {randomBytes} from "node:crypto";
import {copyFile, mkdir, readdir, rename, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";

/** What a file being written is called until it is renamed into place: its name, 12 random hex digits, ".tmp". */
const TEMPORARY_SUFFIX = /\.[0-9a-f]{12}\.tmp$/;

/**
 * Writes each table to a temporary file beside its destination and renames it into place, so a crash or a kill
 * leaves either the previous table or the new one, never a partial file.
 */
/** A file's contents, or another file to copy them from. */
export type FileContents = string | Uint8Array | {copyOf: string};

export async function writeTablesAtomically(dir: string, tables: Record<string, FileContents>): Promise<void> {
  await mkdir(dir, {recursive: true});
  for (const [name, contents] of Object.entries(tables)) await writeFileAtomically(join(dir, name), contents);
}

export async function writeFileAtomically(path: string, contents: FileContents): Promise<void> {
  const temporary = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    if (typeof contents === "object" && "copyOf" in contents) await copyFile(contents.copyOf, temporary);
    else await writeFile(temporary, contents);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, {force: true});
    throw error;
  }
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
