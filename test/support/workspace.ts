import {spawn, spawnSync} from "node:child_process";
import {cp, mkdtemp, rm, symlink} from "node:fs/promises";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

export const ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))));

/** What a workspace needs to build; node_modules is linked, not copied. */
const WORKSPACE_ENTRIES = ["package.json", "observablehq.config.js", "tsconfig.json", "src", "data-loaders", "scripts", "corpus", "docs"];

/** A private copy of the workspace in a temporary folder, so a test can change its corpus and build it. */
export async function copyWorkspace(): Promise<{dir: string; remove: () => Promise<void>}> {
  const dir = await mkdtemp(join(tmpdir(), "workspace-"));
  for (const entry of WORKSPACE_ENTRIES) {
    await cp(join(ROOT, entry), join(dir, entry), {
      recursive: true,
      filter: (source) => !source.includes(`${"/"}.observablehq${"/"}cache`)
    });
  }
  await symlink(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return {dir, remove: () => rm(dir, {recursive: true, force: true})};
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(command: string, args: string[], options: {cwd?: string; env?: NodeJS.ProcessEnv} = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {cwd: options.cwd ?? ROOT, env: {...process.env, ...options.env}, stdio: ["ignore", "pipe", "pipe"]});
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({code, stdout, stderr}));
  });
}

/**
 * A command with no network: inside an empty network namespace where the kernel allows one (`unshare -rn`), else
 * under a preload that makes every socket, DNS lookup and fetch throw.
 */
export function offline(command: string, args: string[]): {command: string; args: string[]; env: NodeJS.ProcessEnv} {
  if (spawnSync("unshare", ["-rn", "true"]).status === 0) return {command: "unshare", args: ["-rn", command, ...args], env: {}};
  const preload = join(ROOT, "test", "support", "no-network.mjs");
  return {command, args, env: {NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import=${preload}`.trim()}};
}
