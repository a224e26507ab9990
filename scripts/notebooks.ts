/**
 * Every analysis page as an Observable notebook, for readers who would rather fork it in Observable's notebook tools
 * than in this workspace. After Framework's build, `dist/notebooks/` holds per page:
 *
 *   <page>.html    the notebook, in Notebook Kit 2's file format, written by Notebook Kit's own serializer
 *   <page>.md      the page's Markdown source, unchanged, to fork as a Framework page
 *   data/…         every file the page attaches, under the name the page uses
 *   components/…   every local module the page imports, and the modules those import
 *
 * The folder mirrors src/, so the relative paths in the cells ("./components/x.js", "data/x.csv") resolve from the
 * notebook as they do from the page: Notebook Kit resolves both against the notebook's own address.
 */
import {copyFile, mkdir, readFile, readdir, writeFile} from "node:fs/promises";
import {existsSync} from "node:fs";
import {dirname, join, relative} from "node:path";
import {serialize, toNotebook, transpile, type Cell, type CellSpec, type Notebook} from "@observablehq/notebook-kit";
import {build, type Plugin} from "esbuild";
import matter from "gray-matter";
import {parseHTML} from "linkedom";
import MarkdownIt from "markdown-it";

/* ---------------------------------------------------------------------------------------------------------------
 * The conversion: a page's Markdown in, a notebook out.
 * ------------------------------------------------------------------------------------------------------------- */

/** Fenced blocks Framework runs, by language, and the notebook cell mode that runs them the same way. */
const LIVE_MODES: Readonly<Record<string, Cell["mode"]>> = {js: "js", ts: "ts", tex: "tex", dot: "dot", html: "html"};

// Framework's own Markdown parser and options (markdown-it, HTML allowed), so a fence ends exactly where Framework ends
// it: a longer fence is closed only by one as long, and backticks inside a line never close it.
const markdownIt = new MarkdownIt({html: true});

type Token = ReturnType<typeof markdownIt.parse>[number];

/** A page's Markdown (with front matter) as a notebook: prose as md cells, live code blocks as code cells. */
export function pageToNotebook(markdown: string): Notebook {
  // An options object bypasses gray-matter's module-level cache, so the conversion depends on its input alone.
  const {content, data} = matter(markdown, {});
  const tokens = markdownIt.parse(content, {});
  const lines = literalDollarCurlies(content.split("\n"), tokens);
  const cells: Omit<CellSpec, "id">[] = [];
  const addProse = (start: number, end: number) => {
    const value = trimBlankLines(lines.slice(start, end)).join("\n");
    if (value) cells.push({mode: "md", value});
  };
  let prose = 0;
  for (const token of tokens) {
    // Framework runs a block inside a list or a quote too; the notebook runs it as a cell between the prose around it.
    const cell = toCodeCell(token);
    if (!cell || !token.map) continue;
    addProse(prose, token.map[0]);
    cells.push(cell);
    prose = token.map[1];
  }
  addProse(prose, lines.length);
  return toNotebook({
    title: pageTitle(data, tokens),
    // Framework's default theme, so the notebook looks like the page in light and dark mode.
    theme: {light: "air", dark: "near-midnight"},
    cells: cells.map((cell, i) => ({...cell, id: i + 1}))
  });
}

/** A live fenced block as a code cell (shown if the block was `echo`), a `<style>` block as an html cell. */
function toCodeCell(token: Token): Omit<CellSpec, "id"> | undefined {
  if (token.type === "fence") {
    const {language, attributes} = parseInfo(token.info);
    const mode = Object.hasOwn(LIVE_MODES, language) ? LIVE_MODES[language] : undefined;
    if (!mode || isFalse(attributes.run)) return undefined;
    const pinned = attributes.echo !== undefined && !isFalse(attributes.echo);
    return {mode, pinned, value: token.content.replace(/\n$/, "")};
  }
  if (token.type === "html_block" && /^<style[\s>][\s\S]*<\/style>$/i.test(token.content.trim())) {
    return {mode: "html", value: token.content.trim()};
  }
  return undefined;
}

/** A fence's info string, as Framework reads it: the language, then `name` or `name=value` attributes. */
function parseInfo(info: string): {language: string; attributes: Record<string, string>} {
  const [language = "", ...words] = info.trim().split(/\s+/);
  const attributes: Record<string, string> = {};
  for (const word of words) {
    const [name, ...value] = word.split("=");
    attributes[name.toLowerCase()] = value.join("=").replace(/^(["'])(.*)\1$/, "$2");
  }
  return {language: language.toLowerCase(), attributes};
}

function isFalse(value: string | undefined): boolean {
  return value?.toLowerCase() === "false";
}

/** The front matter's title, else the first top-level heading's text, as Framework titles a page. */
function pageTitle(data: Record<string, unknown>, tokens: Token[]): string | undefined {
  if (typeof data.title === "string") return data.title;
  const heading = tokens.findIndex((token) => token.type === "heading_open" && token.tag === "h1" && token.level === 0);
  return heading >= 0 ? tokens[heading + 1]?.content : undefined;
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && !lines[start].trim()) start++;
  while (end > start && !lines[end - 1].trim()) end--;
  return lines.slice(start, end);
}

/**
 * Escapes `${` as `\${` where Framework shows it as written: in code blocks that do not run and in `code spans`.
 * A Notebook Kit md cell is one template literal, so it would evaluate every unescaped `${…}`; Framework evaluates
 * them only in running text and HTML.
 */
function literalDollarCurlies(lines: string[], tokens: Token[]): string[] {
  const escaped = [...lines];
  for (const token of tokens) {
    if (!token.map) continue;
    const [start, end] = token.map;
    if (token.type === "fence" || token.type === "code_block") {
      for (let i = start; i < end; i++) escaped[i] = escaped[i].replaceAll("${", "\\${");
    } else if (token.type === "inline") {
      escaped.splice(start, end - start, ...escapeCodeSpans(escaped.slice(start, end).join("\n")).split("\n"));
    } else if (token.type === "table_open") {
      // A table's cells have no line range of their own; a code span never crosses a row, so each row is escaped alone.
      for (let i = start; i < end; i++) escaped[i] = escapeCodeSpans(escaped[i]);
    }
  }
  return escaped;
}

/**
 * Escapes `${` inside the code spans of a paragraph. As in markdown-it (and so Framework), whichever comes first
 * wins: a backtick run opens a code span closed by the next run of the same length, and `${` opens an expression
 * whose own backticks (html`…`) are not code spans.
 */
function escapeCodeSpans(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; ) {
    if (text[i] === "\\") {
      out += text.slice(i, i + 2);
      i += 2;
    } else if (text.startsWith("${", i)) {
      const end = skipExpression(text, i + 2);
      out += text.slice(i, end);
      i = end;
    } else if (text[i] === "`") {
      const run = /^`+/.exec(text.slice(i))![0];
      const close = findBacktickRun(text, i + run.length, run.length);
      const end = close < 0 ? i + run.length : close + run.length;
      out += close < 0 ? run : text.slice(i, end).replaceAll("${", "\\${");
      i = end;
    } else {
      out += text[i++];
    }
  }
  return out;
}

function findBacktickRun(text: string, from: number, length: number): number {
  const pattern = /`+/g;
  pattern.lastIndex = from;
  for (let match; (match = pattern.exec(text)); ) if (match[0].length === length) return match.index;
  return -1;
}

/**
 * The index just past the `}` closing an expression that starts at `i`, skipping strings, template literals and
 * comments. (Braces or quotes inside a regular expression literal would mislead it; placeholders rarely hold one.)
 */
function skipExpression(text: string, i: number): number {
  for (let depth = 1; i < text.length; ) {
    const c = text[i++];
    if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
    else if (c === '"' || c === "'") i = skipString(text, i, c);
    else if (c === "`") i = skipTemplate(text, i);
    else if (c === "/" && text[i] === "/") i = text.indexOf("\n", i) < 0 ? text.length : text.indexOf("\n", i);
    else if (c === "/" && text[i] === "*") i = text.indexOf("*/", i + 1) < 0 ? text.length : text.indexOf("*/", i + 1) + 2;
  }
  return text.length;
}

function skipString(text: string, i: number, quote: string): number {
  while (i < text.length && text[i] !== quote && text[i] !== "\n") i += text[i] === "\\" ? 2 : 1;
  return i + 1;
}

function skipTemplate(text: string, i: number): number {
  while (i < text.length && text[i] !== "`") {
    if (text[i] === "\\") i += 2;
    else if (text.startsWith("${", i)) i = skipExpression(text, i + 2);
    else i++;
  }
  return i + 1;
}

/* ---------------------------------------------------------------------------------------------------------------
 * What a notebook needs beside it.
 * ------------------------------------------------------------------------------------------------------------- */

/** The names of the files a notebook's cells attach, as Notebook Kit reads them (literal FileAttachment calls). */
export function attachedFiles(notebook: Notebook): string[] {
  const files = new Set(notebook.cells.flatMap((cell) => [...(transpile(cell).files ?? [])]));
  return [...files].sort();
}

/**
 * The local modules a notebook loads, directly or through other modules, as paths relative to `dir` (the folder the
 * notebook's relative imports resolve from). esbuild follows the imports of the cells as Notebook Kit transpiles them,
 * so every import form counts; npm:, jsr: and URL imports stay external.
 */
export async function importedModules(notebook: Notebook, dir: string): Promise<string[]> {
  const external: Plugin = {
    name: "external",
    setup: (resolver) => resolver.onResolve({filter: /.*/}, ({path}) => (/^\.{0,2}\//.test(path) ? undefined : {path, external: true}))
  };
  const cells = notebook.cells.map((cell) => transpile(cell).body);
  const {metafile} = await build({
    stdin: {contents: `export default [\n${cells.join(",\n")}\n];`, resolveDir: dir, sourcefile: "<notebook>"},
    absWorkingDir: dir,
    bundle: true,
    write: false,
    metafile: true,
    format: "esm",
    logLevel: "silent",
    plugins: [external]
  });
  return Object.keys(metafile.inputs)
    .filter((path) => path !== "<notebook>")
    .sort();
}

/* ---------------------------------------------------------------------------------------------------------------
 * Writing dist/notebooks/.
 * ------------------------------------------------------------------------------------------------------------- */

export interface NotebookPaths {
  /** Framework's source root, holding the pages (src/). */
  src: string;
  /** Framework's output (dist/); the notebooks go in its notebooks/ folder. */
  dist: string;
}

/** Writes a notebook, its Markdown source and everything it loads for every analysis page; returns the page names. */
export async function writeNotebooks({src, dist}: NotebookPaths): Promise<string[]> {
  const out = join(dist, "notebooks");
  // Reader pages (sources/[doc].md) are made per article from parameters; only the analysis pages are notebooks.
  const pages = (await readdir(src)).filter((name) => name.endsWith(".md") && !name.includes("[")).sort();
  const {document} = parseHTML("<!doctype html><html></html>");
  await mkdir(out, {recursive: true});
  for (const name of pages) {
    const notebook = pageToNotebook(await readFile(join(src, name), "utf8"));
    await writeFile(join(out, name.replace(/\.md$/, ".html")), serialize(notebook, {document}));
    await copyFile(join(src, name), join(out, name));
    for (const file of attachedFiles(notebook)) await copyInto(out, file, attachmentSource(src, file, name));
    for (const module of await importedModules(notebook, src)) await copyInto(out, module, join(src, module));
  }
  return pages.map((name) => name.slice(0, -3));
}

/**
 * Where Framework serves an attached file from: the file itself in src/, else a data loader's output, which
 * Framework caches under src/.observablehq/cache/ with the same relative name.
 */
function attachmentSource(src: string, file: string, page: string): string {
  for (const path of [join(src, file), join(src, ".observablehq", "cache", file)]) if (existsSync(path)) return path;
  throw new Error(`${page} attaches ${file}, but neither src/${file} nor a data loader's output exists`);
}

async function copyInto(out: string, name: string, source: string): Promise<void> {
  const target = join(out, name);
  if (relative(out, target).startsWith("..")) throw new Error(`${name} is outside the notebook's folder`);
  await mkdir(dirname(target), {recursive: true});
  await copyFile(source, target);
}
