/**
 * npm run fork -- <page> <new-name>
 *
 * Copies an analysis page to src/forks/<new-name>.md with every relative path (components, data files, links to
 * other pages) rewritten to resolve from its new folder, so the fork renders exactly like the original until it is
 * edited. The sidebar lists src/forks/ (see observablehq.config.js).
 */
import {access, mkdir, readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";

export const FORKS_DIR = "forks";
const NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

export type ForkResult = {path: string; url: string} | {error: string};

export async function forkPage(root: string, page: string, name: string): Promise<ForkResult> {
  const source = page.replace(/\.md$/, "").replace(/^\/+/, "") || "index";
  if (!NAME.test(name)) return {error: `"${name}" is not a valid page name: use lowercase letters, digits and hyphens`};
  const sourcePath = join(root, "src", `${source}.md`);
  const targetPath = join(root, "src", FORKS_DIR, `${name}.md`);
  if (source.includes("..") || !(await exists(sourcePath))) return {error: `there is no page "${page}" (looked for src/${source}.md)`};
  if (await exists(targetPath)) return {error: `src/${FORKS_DIR}/${name}.md already exists: choose another name`};
  const depth = source.split("/").length - 1;
  const markdown = rebasePaths(await readFile(sourcePath, "utf8"), depth);
  await mkdir(join(root, "src", FORKS_DIR), {recursive: true});
  await writeFile(targetPath, markdown, {flag: "wx"});
  return {path: `src/${FORKS_DIR}/${name}.md`, url: `http://127.0.0.1:3000/${FORKS_DIR}/${name}`};
}

/**
 * Rewrites the paths of a page moved from a folder `depth` levels below src/ into src/forks/: relative imports and
 * links ("./components/x.js", "./money"), and FileAttachment names, which are relative to the page.
 */
export function rebasePaths(markdown: string, depth: number): string {
  const up = "../".repeat(Math.max(0, 1 - depth));
  if (!up) return markdown;
  return markdown
    .replace(/(["'(])\.\/(?=[\w-])/g, `$1${up}`)
    .replace(/\bFileAttachment\((["'])(?![./]|https?:)/g, `FileAttachment($1${up}`);
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [page, name] = process.argv.slice(2);
  if (!page || !name) {
    console.error("usage: npm run fork -- <page> <new-name>   (e.g. npm run fork -- money my-money)");
    process.exit(2);
  }
  const result = await forkPage(process.cwd(), page, name);
  if ("error" in result) {
    console.error(`error: ${result.error}; nothing was changed`);
    process.exit(1);
  }
  console.log(`forked ${page} to ${result.path}\nopen ${result.url} under npm run dev`);
}
