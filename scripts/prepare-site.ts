/** What runs before every build and preview: the browser packages vendored, the tables written from the corpus. */
import {resolve} from "node:path";
import {parseArgs} from "node:util";
import {siteCache, siteCorpus} from "../data-loaders/site.ts";
import {writeSiteTables} from "./freshData.ts";
import {vendorNpm} from "./vendor-npm.ts";

export interface SiteCommand {
  /** The corpus the site is built over, absolute. */
  corpus: string;
  /** The environment Framework and its loaders run with: `CORPUS_DIR` names the same corpus. */
  env: NodeJS.ProcessEnv;
  /** Arguments left for Framework's own command. */
  frameworkArgs: string[];
}

/** Reads `--corpus <dir>` (else `CORPUS_DIR`, else `corpus/`) and leaves every other argument for Framework. */
export function parseSiteArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): SiteCommand {
  const {values, tokens} = parseArgs({args: argv, options: {corpus: {type: "string"}}, strict: false, tokens: true});
  const corpus = typeof values.corpus === "string" ? resolve(values.corpus) : siteCorpus(env);
  const frameworkArgs: string[] = [];
  for (const token of tokens) {
    if (token.kind === "option" && token.name === "corpus") continue;
    if (token.kind === "option") frameworkArgs.push(token.rawName, ...(token.value === undefined ? [] : [token.value]));
    else if (token.kind === "positional") frameworkArgs.push(token.value);
    else frameworkArgs.push("--");
  }
  return {corpus, env: {...env, CORPUS_DIR: corpus, OBSERVABLE_TELEMETRY_DISABLE: "true"}, frameworkArgs};
}

export async function prepareSite(root: string, {corpus, env}: SiteCommand): Promise<void> {
  const {bundled, stubbed} = await vendorNpm({root});
  console.log(`vendored ${bundled.map(({name, version}) => `${name}@${version}`).join(", ")}; ${stubbed.length} unused libraries stubbed`);
  const {documents, problems, readers} = await writeSiteTables({root, corpus, cacheDir: siteCache(env)});
  console.log(`tables: ${documents} documents (${readers.length} reader pages) from ${corpus}${problems ? `, ${problems} problems (see problems.csv and the methods page)` : ""}`);
}
