import assert from "node:assert/strict";
import {csvParse} from "d3-dsv";
import {mkdir, readFile} from "node:fs/promises";
import {join} from "node:path";
import {createRequire} from "node:module";
import {after, before, describe, it} from "node:test";
import type {Browser} from "playwright-core";
import {launchBrowser} from "../support/browser.ts";
import {ANALYSIS_PAGES, visit} from "../support/pages.ts";
import {serveStatic} from "../support/serve.ts";
import {buildOffline, type BuiltSite} from "../support/site.ts";
import {ROOT} from "../support/workspace.ts";

/** Screenshots of every page, for a person to review (git-ignored). */
const SCREENSHOTS = join(ROOT, "test-results", "screenshots");

describe("the built pages in headless Chromium", () => {
  let site: BuiltSite;
  let server: {url: string; close: () => Promise<void>};
  let browser: Browser;
  before(async () => {
    site = await buildOffline();
    server = await serveStatic(site.dist);
    browser = await launchBrowser();
    await mkdir(SCREENSHOTS, {recursive: true});
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await site?.remove();
  });

  for (const path of ANALYSIS_PAGES) {
    it(`${path} renders without errors, requesting nothing from another host`, async () => {
      const {page, errors, foreignRequests} = await visit(browser, server.url, path);
      try {
        assert.deepEqual(errors, []);
        assert.deepEqual(foreignRequests, []);
        assert.ok((await page.locator("main h1").count()) > 0, "the page has a heading");
        await page.screenshot({path: join(SCREENSHOTS, `${path}.png`), fullPage: true});
      } finally {
        await page.close();
      }
    });
  }

  it("renders every source-reader page, each sentence addressable and the article's figures marked", async () => {
    const manifest = JSON.parse(await readFile(join(site.dir, "src", ".observablehq", "cache", "site.json"), "utf8"));
    const figures = csvParse(await readFile(join(site.dir, "src", ".observablehq", "cache", "data", "figures.csv"), "utf8"));
    assert.ok(manifest.readers.length > 0, "the corpus has reader pages");
    for (const {slug} of manifest.readers) {
      const {page, errors, foreignRequests} = await visit(browser, server.url, `sources/${slug}`);
      try {
        assert.deepEqual(errors, [], slug);
        assert.deepEqual(foreignRequests, [], slug);
        const sentences = await page.locator(".reader .sentence").count();
        assert.ok(sentences > 0, `${slug} shows its sentences`);
        const ids = await page.locator(".reader .sentence").evaluateAll((nodes) => nodes.map((node) => node.id));
        assert.equal(new Set(ids).size, sentences, "every sentence has its own anchor");
        const marked = await page.locator(".reader mark.figure").count();
        const docId = (await page.locator(".reader .sentence").first().getAttribute("id"))!.replace(/:s\d+$/, "");
        const expected = figures.filter((figure) => figure.doc_id === docId).length;
        assert.ok(marked <= expected && (expected === 0 || marked > 0), `${slug}: ${marked} figures marked of ${expected}`);
        await page.screenshot({path: join(SCREENSHOTS, `reader-${slug}.png`), fullPage: true});
      } finally {
        await page.close();
      }
    }
  });

  for (const path of ["index", "stack", "money", "timeline", "sources"]) {
    it(`${path} draws its charts`, async () => {
      const {page} = await visit(browser, server.url, path);
      try {
        const charts = await page.locator("main svg[class^='plot']").count();
        assert.ok(charts > 0, `no Plot chart on ${path}`);
      } finally {
        await page.close();
      }
    });
  }

  it("cites each key figure on the overview with a link to the sentence it came from", async () => {
    const {page} = await visit(browser, server.url, "index");
    try {
      const cards = page.locator(".key-figure");
      const cited = page.locator(".key-figure sup.cite a");
      assert.ok((await cited.count()) >= 4, "at least four key figures found and cited");
      assert.ok((await cards.count()) >= (await cited.count()));
      const link = cited.first();
      const title = (await link.getAttribute("title")) ?? "";
      const quoted = /“(.*)”$/.exec(title)?.[1];
      assert.ok(quoted, `the citation's title quotes its sentence: ${title}`);
      await link.click();
      await page.waitForURL(/\/sources\/[^/]+#/);
      await page.waitForFunction(() => document.querySelector(".reader .sentence:target"), null, {timeout: 15000});
      const target = (await page.locator(".reader .sentence:target").textContent())?.trim();
      assert.equal(target, quoted, "the reader highlights the cited sentence");
    } finally {
      await page.close();
    }
  });

  it("shows money in euros or dollars on request, marking conversions", async () => {
    const {page} = await visit(browser, server.url, "money");
    try {
      const euroTicks = await page.locator("main svg[class^='plot'] text").allTextContents();
      await page.getByLabel("USD").check();
      await page.waitForFunction(() => [...document.querySelectorAll("main svg[class^='plot'] text")].some((t) => t.textContent?.includes("$")));
      const dollarTicks = await page.locator("main svg[class^='plot'] text").allTextContents();
      assert.ok(euroTicks.some((t) => t.includes("€")), "euro axis first");
      assert.notDeepEqual(dollarTicks, euroTicks);
    } finally {
      await page.close();
    }
  });

  it("keeps a page's inputs in its URL, so a view can be shared and the back button restores it", async () => {
    const {page, errors} = await visit(browser, server.url, "money?currency=USD");
    try {
      assert.deepEqual(errors, []);
      assert.ok(await page.getByLabel("USD", {exact: true}).isChecked(), "the currency comes from the URL");
      const ticks = () => page.locator("main svg[class^='plot'] text").allTextContents();
      assert.ok((await ticks()).some((t) => t.includes("$")), "the chart is drawn in dollars");
      await page.getByLabel("EUR", {exact: true}).check();
      await page.waitForURL(/currency=EUR/);
      await page.waitForFunction(() => [...document.querySelectorAll("main svg[class^='plot'] text")].some((t) => t.textContent?.includes("€")));
      await page.goBack();
      await page.waitForURL(/currency=USD/);
      await page.getByLabel("USD", {exact: true}).isChecked().then((checked) => assert.ok(checked, "back to dollars"));
      await page.waitForFunction(() => [...document.querySelectorAll("main svg[class^='plot'] text")].some((t) => t.textContent?.includes("$")));
    } finally {
      await page.close();
    }
  });

  it("redraws the timeline when the reader changes which kinds of event it shows", async () => {
    const {page} = await visit(browser, server.url, "timeline");
    try {
      const marks = () => page.locator("main svg[class^='plot'] [aria-label] > *").count();
      const before = await marks();
      const boxes = page.locator("main form input[type=checkbox]");
      assert.ok((await boxes.count()) > 1, "several kinds to choose from");
      await boxes.first().uncheck();
      await page.waitForURL(/kinds=/);
      await page.waitForFunction((n) => document.querySelectorAll("main svg[class^='plot'] [aria-label] > *").length !== n, before);
      assert.notEqual(await marks(), before);
    } finally {
      await page.close();
    }
  });

  it("lists the timeline's events in a table, each row citing the sentence it came from", async () => {
    const events = await pageTable(site, "events");
    assert.ok(events.length > 0, "the corpus has dated events");
    const {page} = await visit(browser, server.url, "timeline");
    try {
      await page.locator("main table tbody tr sup.cite a").first().waitFor();
      const rows = await page.locator("main table tbody tr").evaluateAll((trs) =>
        trs.map((tr) => ({date: (tr as HTMLTableRowElement).cells[1]?.textContent ?? "", href: tr.querySelector("sup.cite a")?.getAttribute("href") ?? ""}))
      );
      assert.ok(rows.length > 0 && rows.length <= events.length, `${rows.length} rows for ${events.length} events`);
      for (const row of rows) {
        const sentenceId = decodeURIComponent(row.href.replace(/^[^#]*#/, ""));
        assert.ok(events.some((e) => e.sentence_id === sentenceId && e.date === row.date), `an event of ${row.date} cites ${sentenceId}`);
      }
    } finally {
      await page.close();
    }
  });

  it("sets out each conflict between sources with a citation to every article that states it", async () => {
    const conflicting = (await pageTable(site, "claims")).filter((claim) => claim.status === "conflicting");
    assert.ok(conflicting.length > 0, "the corpus has sources that disagree");
    const {page} = await visit(browser, server.url, "sources");
    try {
      const items = page.locator("main li", {has: page.locator("em", {hasText: /^conflicting$/})});
      await items.first().waitFor();
      const citedArticles = await items.evaluateAll((lis) =>
        lis.map((li) => new Set([...li.querySelectorAll("sup.cite a")].map((a) => a.getAttribute("href")!.replace(/#.*$/, ""))).size)
      );
      const descending = (a: number, b: number) => b - a;
      const expected = conflicting.map((claim) => claim.doc_ids.split("|").length).sort(descending);
      assert.equal(citedArticles.length, Math.min(conflicting.length, 20), "every conflict listed, up to the page's limit");
      assert.deepEqual(citedArticles.sort(descending), expected.slice(0, citedArticles.length), "the most-stated first, each article cited");
    } finally {
      await page.close();
    }
  });

  it("passes axe-core's checks for serious and critical accessibility violations", async () => {
    const require = createRequire(import.meta.url);
    const axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
    for (const path of ANALYSIS_PAGES) {
      const {page} = await visit(browser, server.url, path);
      try {
        await page.addScriptTag({content: axeSource});
        const violations = await page.evaluate(async () => {
          // @ts-expect-error axe is injected above
          const result = await window.axe.run(document, {resultTypes: ["violations"]});
          return result.violations
            .filter((v: {impact: string}) => v.impact === "serious" || v.impact === "critical")
            .map((v: {id: string; nodes: {target: string[]}[]}) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
        });
        assert.deepEqual(violations, [], `${path}`);
      } finally {
        await page.close();
      }
    }
  });
});

/** A table as the analysis pages read it (the page sample of the corpus). */
async function pageTable(site: BuiltSite, name: string) {
  return csvParse(await readFile(join(site.dir, "src", ".observablehq", "cache", "data", "pages", `${name}.csv`), "utf8"));
}
