import {createHash} from "node:crypto";
import {readFileSync, readdirSync} from "node:fs";
import {dirname, join, relative} from "node:path";
import {fileURLToPath} from "node:url";

const LIBRARY_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/**
 * The parts of this library that only present tables (the CLI and its progress bar, the site's files, the bundle): editing them
 * changes no table, so it must not invalidate every cached extraction.
 */
const PRESENTATION = /^(cli\.ts|progress\.ts|site\.ts|publish\/)/;

/**
 * The extractor's version: a hash of every source and lexicon file that shapes the tables. Editing a rule or a
 * lexicon changes it, which invalidates every cached extraction without anyone having to remember to bump a number.
 */
export const EXTRACTOR_VERSION = hashLibrary(LIBRARY_ROOT);

function hashLibrary(root: string): string {
  const hash = createHash("sha256");
  const files = readdirSync(root, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() && /\.(ts|json|csv|md)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !PRESENTATION.test(relative(root, file)))
    .sort();
  for (const file of files) hash.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex").slice(0, 16);
}
