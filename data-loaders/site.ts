/**
 * What the Framework loaders in src/data print, and what scripts/prepare-site.ts writes in their place before a build:
 * the workspace corpus's tables, the download bundle, the data dictionary, and each document's reader data.
 */
import {once} from "node:events";
import {createReadStream} from "node:fs";
import {readFile} from "node:fs/promises";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import type {PipelineResult} from "./pipeline.ts";
import {formatProblem} from "./problems.ts";
import type {Problem} from "./types.ts";
import {bundleTables} from "./publish/bundle.ts";
import {dictionaryHtml} from "./publish/dictionary.ts";
import {loadReader, loadTableFile, loadTables} from "./tables/load.ts";
import {type TableChunks, tableBytes} from "./tables/csv.ts";
import {PAGE_TABLE_NAMES, type PageTableName, TABLE_NAMES, type TableName} from "./tables/schema.ts";

const WORKSPACE_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const DATA_DICTIONARY = join(WORKSPACE_ROOT, "docs", "data-dictionary.md");

/** Every file the site's data folder holds besides the tables, by name. */
export const SITE_FILES = ["workspace-tables.zip", "data-dictionary.html", "table-sizes.json"] as const;
export type SiteFileName = TableName | PageTableName | (typeof SITE_FILES)[number];

/** The corpus the site is built over: `CORPUS_DIR` when set (relative to the workspace root), else `corpus/`. */
export function siteCorpus(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(WORKSPACE_ROOT, env.CORPUS_DIR || "corpus");
}

export function siteCache(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(WORKSPACE_ROOT, env.LOADERS_CACHE_DIR || join(".cache", "loaders"));
}

/** The contents of one file of the site's data folder, made from the pipeline's result. */
export async function siteFile(name: SiteFileName, {tables, rows, pageTables}: PipelineResult): Promise<string | TableChunks | Uint8Array> {
  if (isTableName(name)) return tables[name];
  if (isPageTableName(name)) return pageTables[name];
  // Rows per table, for pages that report the corpus's size without downloading every table.
  if (name === "table-sizes.json") return JSON.stringify(Object.fromEntries(TABLE_NAMES.map((table) => [table.replace(/\.csv$/, ""), rows[table]])));
  const dictionary = await readFile(DATA_DICTIONARY, "utf8");
  return name === "workspace-tables.zip" ? bundleTables(Object.fromEntries(Object.entries<TableChunks>(tables).map(([name, chunks]) => [name, tableBytes(chunks)])), dictionary) : dictionaryHtml(dictionary);
}

export function isSiteFileName(name: string): name is SiteFileName {
  return isTableName(name) || isPageTableName(name) || (SITE_FILES as readonly string[]).includes(name);
}

/** A loader's whole job: print one file of the corpus's site data to stdout. */
export async function printSiteFile(name: SiteFileName): Promise<void> {
  const options = {
    corpus: siteCorpus(),
    cacheDir: siteCache(),
    // Every loader would repeat the same warnings; the documents table speaks for all of them.
    onProblem: name === "documents.csv" ? (problem: Problem) => process.stderr.write(formatProblem(problem) + "\n") : undefined
  };
  const contents = isTableName(name) || isPageTableName(name) ? await loadTableFile(options, name) : await siteFile(name, await loadTables(options));
  const pieces = typeof contents === "object" && "copyOf" in contents ? createReadStream(contents.copyOf) : Array.isArray(contents) ? contents : [contents];
  // Waiting for the pipe to drain keeps a table of hundreds of megabytes from piling up in this process's memory.
  for await (const piece of pieces) if (!process.stdout.write(piece)) await once(process.stdout, "drain");
}

/** What one reader page shows: the document whose slug this is, as JSON. */
export async function printReaderDocument(slug: string): Promise<void> {
  const reader = await loadReader({corpus: siteCorpus(), cacheDir: siteCache()}, slug);
  if (!reader) throw new Error(`no document in ${siteCorpus()} has the reader page "${slug}"; rebuild after changing the corpus`);
  process.stdout.write(JSON.stringify(reader));
}

function isTableName(name: string): name is TableName {
  return (TABLE_NAMES as readonly string[]).includes(name);
}

function isPageTableName(name: string): name is PageTableName {
  return (PAGE_TABLE_NAMES as readonly string[]).includes(name);
}
