import {randomBytes} from "node:crypto";
import {copyFile, link, mkdir, open, readdir, rename, rm, writeFile} from "node:fs/promises";
import {dirname, join} from "node:path";

/** What a file being written is called until it is renamed into place: its name, 12 random hex digits, ".tmp". */
const TEMPORARY_SUFFIX = /\.[0-9a-f]{12}\.tmp$/;

/**
 * A file's contents (whole, or as pieces written one after another), or another file to copy them from. A copy is a
 * hard link where the file system allows one: tables are hundreds of megabytes at scale, and a link writes nothing.
 * Whoever edits a linked file edits both; the tables cache notices by the file's size and time and stops using it.
 */
export type FileContents = string | (string | Uint8Array)[] | Uint8Array | {copyOf: string};

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
    else if (Array.isArray(contents)) await writePieces(temporary, contents);
    else await writeFile(temporary, contents);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, {force: true});
    throw error;
  }
}

/** Bytes gathered before each write: one call per piece would make thousands of small writes of a large table. */
const WRITE_BATCH = 1 << 20;
/** The most bytes a UTF-16 code unit becomes in UTF-8, to know without encoding that a piece fits what is left. */
const MAX_BYTES_PER_UNIT = 3;

/**
 * Writes the pieces one after another through one reused buffer, so a table of hundreds of megabytes is neither one
 * string, nor thousands of small writes, nor hundreds of megabytes of short-lived strings and buffers waiting for the
 * garbage collector.
 */
async function writePieces(path: string, pieces: (string | Uint8Array)[]): Promise<void> {
  const handle = await open(path, "w");
  try {
    const buffer = Buffer.allocUnsafe(WRITE_BATCH);
    let used = 0;
    const writeAll = async (bytes: Uint8Array) => {
      for (let written = 0; written < bytes.length; ) written += (await handle.write(bytes, written, bytes.length - written)).bytesWritten;
    };
    const flush = async () => {
      await writeAll(buffer.subarray(0, used));
      used = 0;
    };
    for (const piece of pieces) {
      if (typeof piece !== "string") {
        if (used + piece.length > WRITE_BATCH) await flush();
        if (piece.length > WRITE_BATCH) await writeAll(piece);
        else {
          buffer.set(piece, used);
          used += piece.length;
        }
        continue;
      }
      for (const part of slices(piece, Math.floor(WRITE_BATCH / MAX_BYTES_PER_UNIT))) {
        if (used + part.length * MAX_BYTES_PER_UNIT > WRITE_BATCH) await flush();
        used += buffer.write(part, used);
      }
    }
    await flush();
  } finally {
    await handle.close();
  }
}

/** The text in slices of at most `length` code units, never cutting a surrogate pair in two. */
function* slices(text: string, length: number): Generator<string> {
  if (text.length <= length) return yield text;
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + length, text.length);
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
    yield text.slice(start, end);
    start = end;
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
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
