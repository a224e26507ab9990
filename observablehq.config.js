// See https://observablehq.com/framework/config for the options.
import {existsSync, readFileSync, readdirSync} from "node:fs";

// Written by scripts/prepare-site.ts before every build and preview: the corpus's reader pages and its size.
const site = (() => {
  try {
    return JSON.parse(readFileSync(new URL("src/.observablehq/cache/site.json", import.meta.url), "utf8"));
  } catch {
    return {corpus: "corpus", inputs: "", documents: 0, problems: 0, sample: {documents: 0, focus: null}, readers: []};
  }
})();

// Pages forked with `npm run fork` live in src/forks/ and are listed in the sidebar automatically.
const forks = (() => {
  try {
    return readdirSync(new URL("src/forks/", import.meta.url)).filter((name) => name.endsWith(".md")).sort();
  } catch {
    return [];
  }
})();

// Every article has a reader page; the sidebar lists the first ones and the Sources page lists them all, so a corpus of
// thousands does not put thousands of links on every page.
const SIDEBAR_ARTICLES = 40;

const ANALYSIS_PAGES = ["index", "stack", "money", "compute", "timeline", "actors", "sources", "explore", "methods"];

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Per page: where to fork it, and what the site was built from. No date, so two builds of the same inputs match. */
function footer({path}) {
  const page = path === "/" ? "index" : path.slice(1);
  const root = "../".repeat(page.split("/").length - 1) || "./";
  const fork = ANALYSIS_PAGES.includes(page)
    ? `<a href="${root}notebooks/${page}.html">Fork this page as a notebook</a> · <a href="${root}notebooks/${page}.md">Markdown source</a> · `
    : "";
  const corpus = `${site.documents} ${site.documents === 1 ? "article" : "articles"} in <code>${escapeHtml(site.corpus)}/</code>`;
  const problems = site.problems ? `, ${site.problems} ${site.problems === 1 ? "file" : "files"} skipped or partly read` : "";
  // A large corpus is read by the pages through a sample (data-loaders/combine/pageSample.ts); say so on every page.
  const sample =
    site.sample && site.sample.documents < site.documents
      ? ` The analysis pages read ${site.sample.documents} of them, the newest${site.sample.focus ? `, those naming ${escapeHtml(site.sample.focus)} first` : ""}; every table in full is on the <a href="${root}methods">methods page</a>.`
      : "";
  return `${fork}Built from ${corpus}${problems} (inputs ${site.inputs}) with Observable Framework.${sample}`;
}

export default {
  title: "Mistral's full stack",
  root: "src",
  // The default links Google Fonts from every page; this workspace makes no third-party requests,
  // so pages use a system font stack (src/style.css) and no global stylesheet.
  globalStylesheets: [],
  style: "style.css",
  footer,
  pages: [
    ...[
      {name: "The stack", path: "/stack"},
      {name: "Money", path: "/money"},
      {name: "Electrons to tokens", path: "/compute"},
      {name: "Timeline", path: "/timeline"},
      {name: "Actors", path: "/actors"},
      {name: "Sources", path: "/sources"},
      {name: "Explore and fork", path: "/explore"},
      {name: "Methods and data", path: "/methods"}
    ].filter(({path}) => existsSync(new URL(`src${path}.md`, import.meta.url))),
    {
      name: `Articles (${site.readers.length})`,
      collapsible: true,
      open: false,
      pages: site.readers.slice(0, SIDEBAR_ARTICLES).map(({slug, label}) => ({name: label, path: `/sources/${slug}`}))
    },
    ...(forks.length ? [{name: "Forks", pages: forks.map((name) => ({name: name.slice(0, -3), path: `/forks/${name.slice(0, -3)}`}))}] : [])
  ],
  dynamicPaths: site.readers.map(({slug}) => `/sources/${slug}`),
  search: true,
  // Framework 1.13 writes no page language, no name for the sidebar toggle, and a <label> inside the sidebar's list;
  // screen readers need the first two and a list that holds only items. The empty icon spares a request for /favicon.ico.
  head: `<link rel="icon" href="data:,">
<script>document.documentElement.lang = "en";
addEventListener("DOMContentLoaded", () => {
  document.getElementById("observablehq-sidebar-toggle")?.setAttribute("aria-label", "Toggle sidebar");
  const close = document.getElementById("observablehq-sidebar-close");
  if (close?.parentElement?.localName === "ol") close.parentElement.before(close);
});</script>`
};
