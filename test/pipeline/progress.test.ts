import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, describe, it} from "node:test";
import {generateCorpus} from "../../bench/generate.ts";
import {ROOT, run} from "../support/workspace.ts";

const CLI = [process.execPath, "--import", "tsx", join(ROOT, "data-loaders", "cli.ts")];
/** util-linux `script` runs a command under a pseudo-terminal: the one way to give the CLI a terminal in a test. */
const HAS_SCRIPT = spawnSync("script", ["--version"]).status === 0;
/** What a redrawn bar writes and a plain log line never does: carriage returns, escape sequences, the bar's blocks. */
const BAR = /[\r\u001b\u2588\u2591]|docs\/s/;

const shellQuote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

describe("npm run loaders progress bar", () => {
  let dir: string;
  let args: string[];
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "progress-"));
    await generateCorpus(join(dir, "corpus"), 20);
    // --no-cache: every run extracts every document, so there is progress to show.
    args = [...CLI, "--corpus", join(dir, "corpus"), "--out", join(dir, "out"), "--no-cache"];
  });
  after(() => rm(dir, {recursive: true, force: true}));

  // CI is emptied, not inherited, so the tests say the same thing on a laptop and in a CI job.
  const underTerminal = (env: NodeJS.ProcessEnv) => run("script", ["-qec", args.map(shellQuote).join(" "), "/dev/null"], {env});

  it("writes no bar when stderr is a pipe: only the summary line", async () => {
    const result = await run(args[0], args.slice(1), {env: {CI: ""}});
    assert.equal(result.code, 0, result.stderr);
    assert.doesNotMatch(result.stderr, BAR);
    assert.equal(result.stderr, `20 documents, 0 problems; tables written to ${join(dir, "out")}\n`);
    assert.equal(result.stdout, "");
  });

  it("draws documents done of total, docs/s and ETA at a terminal", {skip: !HAS_SCRIPT && "no `script` command (util-linux) to run the CLI under a pseudo-terminal"}, async () => {
    const result = await underTerminal({CI: ""});
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /extracting [\u2588\u2591]+ 20\/20 documents \| [\d.]+ docs\/s \| ETA /);
    assert.match(result.stdout, /20 documents, 0 problems; tables written to/);
  });

  it("draws no bar at a terminal when CI is set, since CI logs are read as text", {skip: !HAS_SCRIPT && "no `script` command (util-linux) to run the CLI under a pseudo-terminal"}, async () => {
    const result = await underTerminal({CI: "true"});
    assert.equal(result.code, 0, result.stderr);
    // The terminal itself turns each "\n" into "\r\n"; nothing else may redraw.
    assert.doesNotMatch(result.stdout.replace(/\r\n/g, "\n"), BAR);
  });
});
