import {createHash} from "node:crypto";
import {readFile, stat} from "node:fs/promises";
import {join} from "node:path";
import {EXTRACTOR_VERSION} from "../cache/version.ts";
import {discoverCorpus} from "../corpus/discover.ts";
import {SIDECAR_NAME} from "../corpus/sidecar.ts";
import {runPipeline, type PipelineOptions, type PipelineResult} from "../pipeline.ts";
import type {Problem} from "../types.ts";
import {TABLE_NAMES, type TableName} from "./schema.ts";
import {writeTablesAtomically} from "./write.ts";

/**
 * The tables of a corpus, computed once per state of the corpus. The site's loaders each ask for one table; the
 * first computes all of them, the rest read the result. The state is a fingerprint of every file's path, size and
 * modification time plus the extractor version: cheap to take for thousands of files, and any edit changes it.
 * (Per-document results are cached by content hash, so a touched but unchanged file costs a re-combine, no more.)
 */
export async function loadTables(options: PipelineOptions & {cacheDir: string}): Promise<PipelineResult> {
  const fingerprint = await corpusFingerprint(options.corpus);
  const dir = join(options.cacheDir, "tables", fingerprint);
  const cached = await readCachedTables(dir);
  if (cached) {
    cached.problems.forEach((problem) => options.onProblem?.(problem));
    return cached;
  }
  const result = await runPipeline({...options, cacheDir: join(options.cacheDir, "documents")});
  const {problems, documents, readers} = result;
  const files = {...result.tables, "readers.json": JSON.stringify(readers)};
  const summary: Summary = {problems, documents, sha256: Object.fromEntries(Object.entries(files).map(([name, contents]) => [name, sha256(contents)]))};
  await writeTablesAtomically(dir, {...files, "summary.json": JSON.stringify(summary)});
  return result;
}

/** Written last, so its presence means every other file was written; the hashes catch one changed since. */
interface Summary {
  problems: Problem[];
  documents: number;
  sha256: Record<string, string>;
}

export async function corpusFingerprint(corpus: string): Promise<string> {
  const hash = createHash("sha256").update(EXTRACTOR_VERSION);
  const {files, problems} = await discoverCorpus(corpus);
  const folders = new Set(files.map(({file}) => file.split("/").slice(0, -1).join("/")));
  const sidecars = [...folders].sort().map((folder) => (folder ? `${folder}/${SIDECAR_NAME}` : SIDECAR_NAME));
  for (const file of [...files.map(({file}) => file), ...sidecars]) {
    const stats = await stat(join(corpus, file)).catch(() => null);
    hash.update(`${file}\0${stats?.size ?? -1}\0${stats?.mtimeMs ?? -1}\n`);
  }
  for (const problem of problems) hash.update(`${problem.file}\0${problem.detail}\n`);
  return hash.digest("hex").slice(0, 24);
}

async function readCachedTables(dir: string): Promise<PipelineResult | null> {
  try {
    const {problems, documents, sha256: hashes} = JSON.parse(await readFile(join(dir, "summary.json"), "utf8")) as Summary;
    // A file that no longer matches its hash (a disk error, a hand edit) makes the whole entry a miss, not a wrong table.
    const read = async (name: string) => {
      const contents = await readFile(join(dir, name), "utf8");
      if (sha256(contents) !== hashes[name]) throw new Error(`${name} changed since it was cached`);
      return contents;
    };
    const tables = {} as Record<TableName, string>;
    for (const name of TABLE_NAMES) tables[name] = await read(name);
    const readers = JSON.parse(await read("readers.json")) as PipelineResult["readers"];
    return {tables, readers, problems, documents};
  } catch {
    return null;
  }
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
