import assert from "node:assert/strict";
import {csvParse} from "d3-dsv";
import {strFromU8, unzipSync} from "fflate";
import {existsSync} from "node:fs";
import {readdir, readFile, rename, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, describe, it} from "node:test";
import type {Browser, Page} from "playwright-core";
import {launchBrowser} from "../support/browser.ts";
import {EXPECTED_PROBLEMS, writeEveryKindOfFile} from "../support/everyKindOfFile.ts";
import {ANALYSIS_PAGES, visit} from "../support/pages.ts";
import {serveStatic} from "../support/serve.ts";
import {buildOffline, type BuiltSite} from "../support/site.ts";

/** Set by gray-matter if it ever ran "---js" front matter while the site was built. */
const BUILD_MARKER = join(tmpdir(), `hostile-front-matter-ran-${process.pid}`);

const SCRIPT = "<script>window.__pwned=1</script>";
const IMG = `<img src=x onerror="window.__pwned=1">`;
const SVG = `<svg onload="window.__pwned=1"><circle r="4"/></svg>`;
const MARKUP_TITLE = `${IMG} Acme <b>Robotics</b> &amp; Co raises €40 million`;
const PAGE_TITLE = "<img src=x onerror=window.__pwned=1> Cobalt Grid raises $30 million";
const STYLE = "<style>main { display: none } .pwned { color: red }</style>";

/**
 * Articles that try every way corpus text could become markup or code on a page, and cells a spreadsheet would run.
 * Each still reads as English business news, so it yields sentences, figures and claims for the pages to show.
 */
const HOSTILE_FILES: Record<string, string> = {
  "hostile/markup.md": `---
title: '${MARKUP_TITLE}'
outlet: '${SCRIPT}The Wire'
url: javascript:window.__pwned=1
published: 2025-06-12
---
Acme Robotics said on Thursday it had raised €40 million in a Series B round, announced in a post reading ${SCRIPT} on its website.
The chief executive of Acme Robotics, shown in ${IMG}, said revenue reached €12 million in 2024.
${SVG} Acme Robotics employs 220 people &amp; plans to hire 80 more &lt;b&gt;soon&lt;/b&gt;.
Framework would run \${window.__pwned=1} or \`\${window.__pwned=1}\` if this text were ever a page.

\`\`\`js
window.__pwned = 1
\`\`\`

${STYLE}
Shareholders of <b>Zorblax</b> ${SCRIPT} Holdings SA approved the deal, and Nordgrid <i onmouseover="window.__pwned=1">Energy</i> GmbH signed a partnership with Acme Robotics.
`,
  "hostile/formulas.txt": `=HYPERLINK("http://x","y") was pasted into the filing Vela Systems sent to investors after it raised $25 million in a Series A round.
+1 555 0100 is the number Vela Systems gave for its investor line, and the company said revenue reached $8 million last year.
-2+3 was the joke in the memo, which valued Vela Systems at $200 million.
@SUM(A1) appeared in the spreadsheet, which showed Acme Robotics had raised €40 million in a Series B round.
`,
  "hostile/metadata.csv": `file,title,outlet,url,published
formulas.txt,"=HYPERLINK(""http://x"",""y"")",@SUM(A1),javascript:window.__pwned=1,2025-07-01
`,
  "hostile/page.html": `<html><head><title>&lt;img src=x onerror=window.__pwned=1&gt; Cobalt Grid raises $30 million</title>
<link rel="canonical" href="javascript:window.__pwned=1">
<meta property="og:site_name" content="&lt;script&gt;window.__pwned=1&lt;/script&gt; Daily">
<meta property="article:published_time" content="2025-05-02T08:00:00Z">
<script>window.__pwned = 1</script></head>
<body><nav><a href="javascript:window.__pwned=1">Home</a></nav>
<article><h1>Cobalt Grid raises $30 million</h1>
<p>Cobalt Grid, a Munich-based energy software company, said on Friday it had raised $30 million in a Series B round led by Atlas Ventures, valuing the business at $300 million. ${IMG}</p>
<p>The company's release quoted the code &lt;script&gt;window.__pwned=1&lt;/script&gt; as an example of what its filters remove, and said it employs 140 people. ${SVG}</p>
<p>Cobalt Grid plans a 40 MW data centre near Munich, the company said. <a href="javascript:window.__pwned=1">Read more</a></p>
</article></body></html>
`,
  // gray-matter would run "---js" front matter through eval(); it must stay text.
  "hostile/engine.md": `---js
{title: require("fs").writeFileSync(${JSON.stringify(BUILD_MARKER)}, "front matter ran") || "pwned"}
---
Helio Labs said it had raised €15 million from Meridian Growth to build inference servers in Lyon.
`,
  "-2+3.txt": "Sable Cloud raised $12 million in a seed round, the company said on Monday.\nIts chief executive said revenue reached $2 million last year.\n",
  "<img src=x onerror=window.__pwned=1>.txt": "Caldera Energy raised €9 million to expand its battery plant, the company said on Tuesday.\nThe plant employs 75 people.\n",
  "bad/<svg onload=window.__pwned=1>.txt": ""
};

/** Problems beyond EXPECTED_PROBLEMS: the empty file whose name is markup. */
const HOSTILE_PROBLEMS = ["bad/<svg onload=window.__pwned=1>.txt"];

/** Text each document's reader page must show as it was written, markup and all, by doc_id. */
const LITERAL_TEXT: Record<string, string[]> = {
  "hostile/markup": [SCRIPT, IMG, SVG, "&amp; plans to hire 80 more &lt;b&gt;soon&lt;/b&gt;", "${window.__pwned=1}", "`${window.__pwned=1}`", STYLE, "<b>Zorblax</b>"],
  "hostile/page": [SCRIPT],
  "hostile/formulas": [`=HYPERLINK("http://x","y") was pasted`, "+1 555 0100", "-2+3 was the joke", "@SUM(A1) appeared"],
  "hostile/engine": ["require(\"fs\").writeFileSync"]
};

/** The headline each reader page must show, character for character, by doc_id. */
const TITLES: Record<string, string> = {"hostile/markup": MARKUP_TITLE, "hostile/page": PAGE_TITLE};

/** Columns the loaders write as numbers; every other column is text. */
const NUMERIC_COLUMNS = new Set(["start", "end", "index", "words", "sentences", "value", "value_usd", "value_eur", "mentions", "paragraph"]);
/** How a cell starts that a spreadsheet would run as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/** What a page holds that came from the corpus as markup or code, rather than as text; empty when nothing did. */
async function injected(page: Page): Promise<string[]> {
  // No named functions inside: tsx would wrap them in a helper that does not exist in the page.
  return page.evaluate(() => {
    const found: string[] = [];
    const pwned = (window as {__pwned?: unknown}).__pwned;
    if (pwned !== undefined) found.push(`window.__pwned is ${pwned}`);
    for (const element of document.querySelectorAll("main *")) {
      const handler = [...element.attributes].some((attribute) => attribute.name.toLowerCase().startsWith("on"));
      const code = element.matches("script, style, iframe, object, embed") && /pwned/.test(element.outerHTML);
      const image = element.matches("img") && /(^|\/)x$/.test(element.getAttribute("src") ?? "");
      if (handler || code || image) found.push(element.outerHTML.slice(0, 160));
    }
    for (const element of document.querySelectorAll("[href], [src], [action], [formaction]")) {
      const urls = ["href", "src", "action", "formaction"].map((name) => element.getAttribute(name) ?? "");
      if (urls.some((url) => /^\s*javascript:/i.test(url))) found.push(element.outerHTML.slice(0, 160));
    }
    return found;
  });
}

describe("a site built over a hostile corpus", () => {
  let site: BuiltSite;
  let server: {url: string; close: () => Promise<void>};
  let browser: Browser;
  let documents: Record<string, string>[];
  before(async () => {
    const corpus = await writeEveryKindOfFile(HOSTILE_FILES);
    site = await buildOffline(async (dir) => {
      await rm(join(dir, "corpus"), {recursive: true, force: true});
      await rename(corpus, join(dir, "corpus"));
    });
    server = await serveStatic(site.dist);
    browser = await launchBrowser();
    documents = csvParse(await readFile(join(site.dist, "_file", "data", await builtFile("documents")), "utf8"));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await site?.remove();
    await rm(BUILD_MARKER, {force: true});
  });

  /** A table's name in the build: Framework adds a content hash ("documents.1a2b3c4d.csv"). */
  async function builtFile(table: string): Promise<string> {
    const names = (await readdir(join(site.dist, "_file", "data"))).filter((name) => name.startsWith(`${table}.`) && name.endsWith(".csv"));
    assert.equal(names.length, 1, `one built ${table}.csv`);
    return names[0];
  }

  it("never runs front matter as code while building", () => {
    assert.ok(!existsSync(BUILD_MARKER), "gray-matter evaluated ---js front matter");
  });

  for (const path of ANALYSIS_PAGES) {
    it(`${path} runs nothing from the corpus, inserts no markup from it, and still renders`, async () => {
      const {page, errors} = await visit(browser, server.url, path);
      try {
        assert.deepEqual(await injected(page), []);
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
      }
    });
  }

  it("lists every article on the sources page, titles as literal text", async () => {
    const {page} = await visit(browser, server.url, "sources");
    try {
      const text = await page.locator("main").innerText();
      for (const title of Object.values(TITLES)) assert.ok(text.includes(title), `the sources page shows ${title} as text`);
    } finally {
      await page.close();
    }
  });

  it("shows every reader page's markup as text and runs none of it", async () => {
    const {page: sources} = await visit(browser, server.url, "sources");
    const links = await sources.locator('a[href*="/sources/"]').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href.replace(/#.*$/, "")));
    await sources.close();
    const readers = [...new Set(links)].sort();
    assert.equal(readers.length, documents.length, `a reader page for each of the ${documents.length} documents`);
    for (const url of readers) {
      const slug = decodeURIComponent(url.slice(url.lastIndexOf("/") + 1));
      const document = documents.find((d) => d.slug === slug);
      assert.ok(document, `${url} is the reader page of a document in documents.csv`);
      const {page, errors} = await visit(browser, server.url, new URL(url).pathname.slice(1));
      try {
        assert.deepEqual(errors, [], url);
        assert.deepEqual(await injected(page), [], url);
        const text = (await page.locator("main").textContent()) ?? "";
        for (const literal of LITERAL_TEXT[document.doc_id] ?? []) assert.ok(text.includes(literal), `${document.doc_id} shows ${literal} as text`);
        if (TITLES[document.doc_id]) assert.equal((await page.locator("main h1").first().textContent())?.trim(), TITLES[document.doc_id]);
      } finally {
        await page.close();
      }
    }
  });

  it("lists every skipped file on the methods page, by name", async () => {
    const {page} = await visit(browser, server.url, "methods");
    try {
      const text = await page.locator("main").innerText();
      for (const file of [...Object.keys(EXPECTED_PROBLEMS), ...HOSTILE_PROBLEMS]) assert.ok(text.includes(file), `the methods page names ${file}`);
      const problems = csvParse(await readFile(join(site.dist, "_file", "data", await builtFile("problems")), "utf8"));
      assert.deepEqual(problems.map((p) => p.file).sort(), [...Object.keys(EXPECTED_PROBLEMS), ...HOSTILE_PROBLEMS].sort());
    } finally {
      await page.close();
    }
  });

  it("offers no download with a cell a spreadsheet would run, and numbers that parse", async () => {
    const downloads: Record<string, string> = {};
    for (const entry of await readdir(site.dist, {recursive: true, withFileTypes: true})) {
      const path = join(entry.parentPath, entry.name);
      if (entry.name.endsWith(".csv")) downloads[path.slice(site.dist.length + 1)] = await readFile(path, "utf8");
      if (entry.name.endsWith(".zip")) {
        for (const [name, bytes] of Object.entries(unzipSync(await readFile(path)))) {
          if (name.endsWith(".csv")) downloads[`${entry.name}/${name}`] = strFromU8(bytes);
        }
      }
    }
    assert.ok(Object.keys(downloads).length >= 18, `the tables, and the tables in the bundle: ${Object.keys(downloads)}`);
    const neutralised = new Set<string>();
    for (const [file, csv] of Object.entries(downloads)) {
      const rows = csvParse(csv);
      for (const [i, row] of rows.entries()) {
        for (const column of rows.columns) {
          const cell = row[column] ?? "";
          const where = `${file} row ${i + 2} ${column}: ${JSON.stringify(cell)}`;
          if (NUMERIC_COLUMNS.has(column)) assert.ok(cell === "" || (PLAIN_DECIMAL.test(cell) && Number.isFinite(+cell)), where);
          else assert.doesNotMatch(cell, FORMULA_START, where);
          if (/^'[=+\-@]/.test(cell)) neutralised.add(cell.slice(0, 4));
        }
      }
    }
    // The corpus holds a cell of each kind, and each was written as text.
    for (const start of ["'+1 ", "'-2+", "'=HY", "'@SU"]) assert.ok(neutralised.has(start), `a cell starting ${start} was neutralised`);
  });
});
