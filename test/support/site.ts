import assert from "node:assert/strict";
import {copyWorkspace, offline, run, type RunResult} from "./workspace.ts";

export interface BuiltSite {
  /** The workspace copy the site was built in. */
  dir: string;
  dist: string;
  build: RunResult;
  remove: () => Promise<void>;
}

/** Copies the workspace, optionally changes it, and runs `npm run build` in it with no network at all. */
export async function buildOffline(prepare?: (dir: string) => Promise<void>, env: NodeJS.ProcessEnv = {}): Promise<BuiltSite> {
  const {dir, remove} = await copyWorkspace();
  await prepare?.(dir);
  const build = await buildWorkspace(dir, env);
  return {dir, dist: `${dir}/dist`, build, remove};
}

/** Runs `npm run build` with no network in a workspace (a copy made by copyWorkspace), failing on any error. */
export async function buildWorkspace(dir: string, env: NodeJS.ProcessEnv = {}, args: string[] = []): Promise<RunResult> {
  const command = offline("npm", ["run", "build", ...(args.length ? ["--", ...args] : [])]);
  const build = await run(command.command, command.args, {cwd: dir, env: {...command.env, ...env}});
  assert.equal(build.code, 0, `npm run build failed offline:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`);
  return build;
}
