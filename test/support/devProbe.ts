/**
 * Run by test/site/rerun.test.ts inside a network namespace with only loopback: starts `npm run dev` in a workspace,
 * reads the served figures.csv, adds an article to the corpus, and reports how long the served table took to change.
 * Prints one JSON line: {before, after, seconds}.
 */
import {spawn} from "node:child_process";
import {writeFile} from "node:fs/promises";
import {join} from "node:path";

const [dir, articleName, article, needle, port] = process.argv.slice(2);
const TIMEOUT_MS = 90_000;

const dev = spawn("npm", ["run", "dev", "--", "--no-open", "--port", port], {cwd: dir, detached: true, stdio: ["ignore", "pipe", "pipe"]});
let output = "";
dev.stdout.on("data", (chunk) => (output += chunk));
dev.stderr.on("data", (chunk) => (output += chunk));
const stop = () => {
  try {
    process.kill(-dev.pid!, "SIGTERM");
  } catch {
    // already gone
  }
};

try {
  const url = `http://127.0.0.1:${port}`;
  const figures = () => fetch(`${url}/_file/data/figures.csv`).then((response) => (response.ok ? response.text() : ""), () => "");
  const started = Date.now();
  let before = "";
  while (!before && Date.now() - started < TIMEOUT_MS) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    before = await figures();
  }
  if (!before) throw new Error(`npm run dev served no figures.csv:\n${output.slice(-2000)}`);
  await writeFile(join(dir, "corpus", articleName), article);
  const added = Date.now();
  let after = before;
  while (!after.includes(needle) && Date.now() - added < TIMEOUT_MS) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    after = await figures();
  }
  console.log(JSON.stringify({before: before.includes(needle), after: after.includes(needle), seconds: (Date.now() - added) / 1000}));
} finally {
  stop();
}
