/**
 * Fills Framework's npm cache (src/.observablehq/cache/_npm) from node_modules.
 *
 * Framework resolves every `npm:` import — explicit ones, the implicit ones behind `Plot`, `html`, `aq` and
 * `FileAttachment().csv()`, and every library its client bundle can lazy-load — against that cache before it asks
 * the npm registry for a version or jsDelivr for the code. With the cache filled from the installed packages, builds
 * contact no host and ship exactly the versions package-lock.json pins.
 *
 * Packages listed in package.json's `browserPackages` are bundled (with their dependencies) into the `_esm.js` file
 * Framework expects. Every other library Framework's client mentions gets a stub that fails loudly if a page uses it,
 * instead of a silent download.
 */
import {build} from "esbuild";
import {mkdir, readFile, readdir, rm, writeFile} from "node:fs/promises";
import {createRequire} from "node:module";
import {dirname, join} from "node:path";

export const UNVENDORED_VERSION = "0.0.0-not-vendored";

export interface VendorOptions {
  /** The workspace root, holding package.json and node_modules. */
  root: string;
  /** Framework's source root, relative to `root`. */
  sourceRoot?: string;
}

export interface VendorResult {
  bundled: {name: string; version: string}[];
  stubbed: string[];
}

export async function vendorNpm({root, sourceRoot = "src"}: VendorOptions): Promise<VendorResult> {
  const cacheDir = join(root, sourceRoot, ".observablehq", "cache", "_npm");
  const manifest = JSON.parse(await readFile(join(root, "package.json"), "utf8"));
  const browserPackages: string[] = manifest.browserPackages ?? [];
  const mentioned = await frameworkClientPackages(root);
  await rm(cacheDir, {recursive: true, force: true});
  const bundled = [];
  for (const name of browserPackages) {
    const version = await installedVersion(root, name);
    await bundlePackage(root, name, join(cacheDir, `${name}@${version}`, "_esm.js"));
    bundled.push({name, version});
  }
  const stubbed = mentioned.filter((name) => !browserPackages.includes(name));
  for (const name of stubbed) {
    await writeStub(name, join(cacheDir, `${name}@${UNVENDORED_VERSION}`, "_esm.js"));
  }
  return {bundled, stubbed};
}

/** Every package named by an `npm:` specifier in Framework's client code: what a build may resolve. */
export async function frameworkClientPackages(root: string): Promise<string[]> {
  const require = createRequire(join(root, "package.json"));
  const clientDir = join(dirname(require.resolve("@observablehq/framework/package.json")), "dist", "client");
  const names = new Set<string>();
  for (const file of await listFiles(clientDir)) {
    if (!file.endsWith(".js")) continue;
    const source = await readFile(file, "utf8");
    for (const [, specifier] of source.matchAll(/["']npm:((?:@[\w.-]+\/)?[\w.-]+)/g)) names.add(specifier);
  }
  return [...names].sort();
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {withFileTypes: true, recursive: true});
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

async function installedVersion(root: string, name: string): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(join(root, "node_modules", name, "package.json"), "utf8"));
    return pkg.version;
  } catch {
    throw new Error(`browser package ${name} is not installed: add it to package.json dependencies and run npm install`);
  }
}

async function bundlePackage(root: string, name: string, outfile: string): Promise<void> {
  await mkdir(dirname(outfile), {recursive: true});
  await build({
    entryPoints: [name],
    absWorkingDir: root,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    outfile,
    logLevel: "error"
  });
}

async function writeStub(name: string, outfile: string): Promise<void> {
  await mkdir(dirname(outfile), {recursive: true});
  const message = `npm:${name} is not vendored in this workspace: add it to package.json's dependencies and browserPackages, then npm install.`;
  await writeFile(outfile, `throw new Error(${JSON.stringify(message)});\n`);
}
