/**
 * npm run loaders -- --corpus <dir> --out <dir> [--cache <dir> | --no-cache] [--strict]
 *
 * Writes every table of a corpus into --out. Uses the same library as the site's loaders, so both give byte-identical
 * tables for the same corpus.
 */
import {resolve} from "node:path";
import {parseArgs} from "node:util";
import {formatProblem} from "./problems.ts";
import {documentProgress} from "./progress.ts";
import {loadTableFiles, type TableFiles} from "./tables/load.ts";
import {TABLE_NAMES} from "./tables/schema.ts";
import {removeTemporaries, writeTablesAtomically} from "./tables/write.ts";

const USAGE = `usage: npm run loaders -- --corpus <dir> --out <dir> [--cache <dir> | --no-cache] [--strict]

  --corpus <dir>  folder of articles (.txt, .md with optional front matter, .html), read recursively
  --out <dir>     folder the CSV tables are written to (created if missing)
  --cache <dir>   per-document cache (default .cache/loaders)
  --no-cache      extract every document again
  --strict        exit with status 1 if any file was skipped or had a problem`;

export async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({values} = parseArgs({
      args: argv,
      options: {
        corpus: {type: "string"},
        out: {type: "string"},
        cache: {type: "string", default: ".cache/loaders"},
        "no-cache": {type: "boolean", default: false},
        strict: {type: "boolean", default: false},
        help: {type: "boolean", short: "h", default: false}
      }
    }));
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  if (!values.corpus || !values.out) {
    process.stderr.write(`error: both --corpus and --out are required\n${USAGE}\n`);
    return 2;
  }
  const corpus = resolve(values.corpus);
  const onProblem = (problem: Parameters<typeof formatProblem>[0]) => process.stderr.write(formatProblem(problem) + "\n");
  const progress = documentProgress();
  let result: TableFiles;
  try {
    result = values["no-cache"]
      ? await (await import("./pipeline.ts")).runPipeline({corpus, onProblem, onProgress: progress.onProgress})
      : await loadTableFiles({corpus, cacheDir: resolve(values.cache), onProblem, onProgress: progress.onProgress});
  } catch (error) {
    progress.stop();
    process.stderr.write(`error: ${(error as Error).message}\n`);
    return 1;
  }
  try {
    const out = resolve(values.out);
    await writeTablesAtomically(out, result.tables);
    await removeTemporaries(out, TABLE_NAMES);
  } catch (error) {
    process.stderr.write(`error: cannot write the tables to ${values.out} (${(error as Error).message}); check that the folder can be created and written to\n`);
    return 1;
  }
  process.stderr.write(`${result.documents} documents, ${result.problems.length} problems; tables written to ${values.out}\n`);
  return values.strict && result.problems.length ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
