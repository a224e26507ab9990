/**
 * npm run dev [-- --corpus <dir>]: Framework's preview server, plus a watcher on the corpus and the extraction
 * library. When either changes, the loaders are touched so the server re-runs them and reloads open pages; no
 * restart, no cache to delete.
 */
import {spawn} from "node:child_process";
import {watch} from "node:fs";
import {join} from "node:path";
import {touchLoaders} from "./freshData.ts";
import {parseSiteArgs, prepareSite} from "./prepare-site.ts";

const root = process.cwd();
const command = parseSiteArgs(process.argv.slice(2));
const DEBOUNCE_MS = 300;
await prepareSite(root, command);

let timer: NodeJS.Timeout | undefined;
const onChange = () => {
  clearTimeout(timer);
  timer = setTimeout(async () => {
    await touchLoaders(root);
    console.log("corpus or extractor changed: reloading data");
  }, DEBOUNCE_MS);
};
const watchers = [command.corpus, join(root, "data-loaders")].map((dir) => watch(dir, {recursive: true}, onChange));

const preview = spawn("observable", ["preview", ...command.frameworkArgs], {stdio: "inherit", env: command.env});
const stop = () => preview.kill("SIGTERM");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
preview.on("exit", (code) => {
  watchers.forEach((watcher) => watcher.close());
  process.exit(code ?? 0);
});
