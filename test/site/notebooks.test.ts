import assert from "node:assert/strict";
import {createHash} from "node:crypto";
import {existsSync} from "node:fs";
import {mkdtemp, readFile, readdir, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {dirname, join, relative} from "node:path";
import {after, before, describe, it} from "node:test";
import {deserialize, transpile, type Cell, type Notebook} from "@observablehq/notebook-kit";
import {DOMParser} from "linkedom";
import MarkdownIt from "markdown-it";
import {pageToNotebook, writeNotebooks} from "../../scripts/notebooks.ts";
import {buildOffline, type BuiltSite} from "../support/site.ts";

describe("a page as a notebook", () => {
  const page = [
    "---",
    'title: A "sample" page',
    "toc: false",
    "---",
    "",
    "# Sample",
    "",
    "Prose with ${count} inline, `code ${not} run` and ``a `${b}` c``.",
    "",
    "````js echo",
    "const s = `",
    "```",
    "still inside the block",
    "```",
    "`;",
    "````",
    "",
    "```js",
    "const count = html`<b>${s.length}</b>`;",
    "```",
    "",
    "```js run=false",
    "const listing = `${x}`;",
    "```",
    "",
    "  ```js echo=false",
    "  indentedFence",
    "  ```",
    "",
    "<style>",
    ".x { color: red; }",
    "</style>",
    "",
    "```sh",
    "echo ${HOME}",
    "```",
    "",
    "- a list item",
    "",
    "  ```js",
    "  inList",
    "  ```",
    "",
    'Tail ${html`<i>${"`"}</i>`} and `${y}`.',
    "",
    "| `${cell}` | ${count} |",
    "| --- | --- |",
    ""
  ].join("\n");

  it("maps prose to md cells, live blocks to js cells (pinned when echoed) and a style block to an html cell", () => {
    const notebook = pageToNotebook(page);
    assert.equal(notebook.title, 'A "sample" page');
    assert.deepEqual(
      notebook.cells.map(({id, mode, pinned, value}) => ({id, mode, pinned, value})),
      [
        {id: 1, mode: "md", pinned: false, value: "# Sample\n\nProse with ${count} inline, `code \\${not} run` and ``a `\\${b}` c``."},
        {id: 2, mode: "js", pinned: true, value: "const s = `\n```\nstill inside the block\n```\n`;"},
        {id: 3, mode: "js", pinned: false, value: "const count = html`<b>${s.length}</b>`;"},
        {id: 4, mode: "md", pinned: false, value: "```js run=false\nconst listing = `\\${x}`;\n```"},
        {id: 5, mode: "js", pinned: false, value: "indentedFence"},
        {id: 6, mode: "html", pinned: false, value: "<style>\n.x { color: red; }\n</style>"},
        {id: 7, mode: "md", pinned: false, value: "```sh\necho \\${HOME}\n```\n\n- a list item"},
        {id: 8, mode: "js", pinned: false, value: "inList"},
        {id: 9, mode: "md", pinned: false, value: 'Tail ${html`<i>${"`"}</i>`} and `\\${y}`.\n\n| `\\${cell}` | ${count} |\n| --- | --- |'}
      ]
    );
  });

  it("leaves Notebook Kit to evaluate exactly the inline expressions Framework evaluates", () => {
    const [first, , , listing, , , shell, , tail] = pageToNotebook(page).cells;
    const values = {count: 3, html: (strings: TemplateStringsArray) => strings.join("")};
    assert.equal(renderMarkdown(first, values), "# Sample\n\nProse with {3} inline, `code ${not} run` and ``a `${b}` c``.");
    assert.equal(renderMarkdown(listing, values), "```js run=false\nconst listing = `${x}`;\n```");
    assert.equal(renderMarkdown(shell, values), "```sh\necho ${HOME}\n```\n\n- a list item");
    assert.equal(renderMarkdown(tail, values), "Tail {<i></i>} and `${y}`.\n\n| `${cell}` | {3} |\n| --- | --- |");
  });

  it("titles a page without front matter by its first heading", () => {
    assert.equal(pageToNotebook("Intro\n\n# The title\n\n## Not this one\n").title, "The title");
  });
});

describe("npm run build writes every analysis page as a notebook", () => {
  let site: BuiltSite;
  let notebooks: string;
  let pages: string[];
  before(async () => {
    site = await buildOffline();
    notebooks = join(site.dist, "notebooks");
    // Reader pages (sources/[doc].md) live in a folder; the analysis pages are the Markdown files in src/ itself.
    pages = (await readdir(join(site.dir, "src"))).filter((name) => name.endsWith(".md") && !name.includes("[")).map((name) => name.slice(0, -3));
  });
  after(() => site?.remove());

  it("writes a notebook and the Markdown source for every analysis page", async () => {
    assert.ok(pages.includes("index") && pages.length >= 5, `pages: ${pages.join(", ")}`);
    for (const page of pages) {
      const source = await readFile(join(site.dir, "src", `${page}.md`), "utf8");
      assert.equal(await readFile(join(notebooks, `${page}.md`), "utf8"), source, `${page}.md is the page's source`);
      assert.match(await readFile(join(notebooks, `${page}.html`), "utf8"), /^<!doctype html>\n<notebook /);
    }
  });

  it("puts every js block of a page, in order, in a js cell, shown when the block is echoed", async () => {
    for (const page of pages) {
      const source = await readFile(join(site.dir, "src", `${page}.md`), "utf8");
      const notebook = await readNotebook(join(notebooks, `${page}.html`));
      const cells = notebook.cells.filter((cell) => cell.mode === "js");
      const blocks = jsBlocks(source);
      assert.ok(blocks.length > 0, `${page} has code`);
      assert.deepEqual(
        cells.map(({value, pinned}) => ({value, pinned})),
        blocks.map(({content, info}) => ({value: withoutWhitespaceLines(content.replace(/\n$/, "")), pinned: /\becho\b(?!=false)/.test(info)})),
        `${page}'s js cells`
      );
    }
  });

  it("keeps the title and every line of prose in md cells", async () => {
    for (const page of pages) {
      const source = await readFile(join(site.dir, "src", `${page}.md`), "utf8");
      const notebook = await readNotebook(join(notebooks, `${page}.html`));
      assert.equal(notebook.title, /^title: (.+)$/m.exec(source)?.[1], `${page}'s title`);
      const prose = new Set(notebook.cells.filter((cell) => cell.mode !== "js").flatMap((cell) => cell.value.replaceAll("\\${", "${").split("\n")));
      for (const line of proseLines(source)) assert.ok(prose.has(line), `${page}: ${JSON.stringify(line)} is in a prose cell`);
    }
  });

  it("puts every file a notebook attaches or imports beside it, down to the modules its modules import", async () => {
    for (const page of pages) {
      const notebook = await readNotebook(join(notebooks, `${page}.html`));
      const {files, imports} = references(notebook);
      assert.ok(files.length > 0 && imports.length > 0, `${page} loads data with its components`);
      for (const file of files) assert.ok(existsSync(join(notebooks, file)), `${page} attaches ${file}`);
      for (const module of await importClosure(notebooks, imports)) assert.ok(existsSync(join(notebooks, module)), `${page} imports ${module}`);
    }
  });

  it("attaches the data files the site serves", async () => {
    const served = join(site.dist, "_file", "data");
    const servedNames = await readdir(served, {recursive: true});
    const attached = (await readdir(join(notebooks, "data"), {recursive: true, withFileTypes: true})).filter((entry) => entry.isFile());
    assert.ok(attached.some((entry) => entry.parentPath.endsWith("pages")), "the page tables, in their own folder");
    for (const entry of attached) {
      const name = relative(join(notebooks, "data"), join(entry.parentPath, entry.name));
      const match = servedNames.find((file) => file.replace(/\.[0-9a-f]+(\.\w+)$/, "$1") === name);
      assert.ok(match, `${name} is served by the site`);
      assert.deepEqual(await readFile(join(notebooks, "data", name)), await readFile(join(served, match)), `${name} is the file the site serves`);
    }
  });

  it("writes the same bytes when the notebooks are written again", async () => {
    const again = await mkdtemp(join(tmpdir(), "notebooks-"));
    try {
      await writeNotebooks({src: join(site.dir, "src"), dist: again});
      assert.deepEqual(await digestTree(join(again, "notebooks")), await digestTree(notebooks));
    } finally {
      await rm(again, {recursive: true, force: true});
    }
  });
});

/** What an md cell's template literal gives Notebook Kit's md renderer, with each interpolated value in braces. */
function renderMarkdown(cell: Cell, values: Record<string, unknown>): string {
  const {body, inputs = []} = transpile(cell);
  const md = (strings: TemplateStringsArray, ...interpolated: unknown[]) => strings.reduce((text, string, i) => `${text}{${interpolated[i - 1]}}${string}`);
  const define = new Function(`return ${body}`)() as (...args: unknown[]) => string;
  return define(...inputs.map((name) => (name === "md" ? md : values[name])));
}

async function readNotebook(path: string): Promise<Notebook> {
  return deserialize(await readFile(path, "utf8"), {parser: new DOMParser() as unknown as globalThis.DOMParser});
}

// Read with markdown-it directly, not through the conversion, so the test does not check the code against itself.
const markdownIt = new MarkdownIt({html: true});

function jsBlocks(source: string) {
  return markdownIt.parse(source.replace(/^---\n[\s\S]*?\n---\n/, ""), {}).filter((token) => token.type === "fence" && /^js\b/.test(token.info) && !/\brun=false\b/.test(token.info));
}

/** The page's non-blank lines outside its js blocks and front matter. */
function proseLines(source: string): string[] {
  const body = source.replace(/^---\n[\s\S]*?\n---\n/, "");
  const code = new Set(jsBlocks(source).flatMap(({map}) => (map ? Array.from({length: map[1] - map[0]}, (_, i) => map[0] + i) : [])));
  return body.split("\n").filter((line, i) => line.trim() && !code.has(i));
}

/** The notebook file format drops the spaces of a blank line, since it indents every cell line by four. */
function withoutWhitespaceLines(text: string): string {
  return text.replace(/^[ \t]+$/gm, "");
}

/** The files and local modules a notebook's cells load, as Notebook Kit resolves them: from the notebook's folder. */
function references(notebook: Notebook): {files: string[]; imports: string[]} {
  const files = new Set<string>();
  const imports = new Set<string>();
  for (const cell of notebook.cells) {
    const transpiled = transpile(cell, {resolveFiles: true, resolveLocalImports: true});
    for (const file of transpiled.files ?? []) files.add(file);
    for (const [, path] of transpiled.body.matchAll(/new URL\("([^"]+)", document\.baseURI\)/g)) imports.add(path);
  }
  return {files: [...files], imports: [...imports]};
}

/** Every module reachable from the given ones through relative imports, as paths relative to `dir`. */
async function importClosure(dir: string, modules: string[]): Promise<string[]> {
  const seen = new Set<string>();
  const queue = modules.map((module) => join(module));
  while (queue.length) {
    const module = queue.pop()!;
    if (seen.has(module)) continue;
    seen.add(module);
    if (!existsSync(join(dir, module))) continue;
    const text = await readFile(join(dir, module), "utf8");
    for (const [, path] of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'](\.\.?\/[^"']+)["']/g)) queue.push(join(dirname(module), path));
  }
  return [...seen];
}

async function digestTree(dir: string): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const entry of await readdir(dir, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    digests[path.slice(dir.length + 1)] = createHash("sha256").update(await readFile(path)).digest("hex");
  }
  return digests;
}
