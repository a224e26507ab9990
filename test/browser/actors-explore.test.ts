import assert from "node:assert/strict";
import {csvParse} from "d3-dsv";
import {mkdir} from "node:fs/promises";
import {join} from "node:path";
import {after, before, describe, it} from "node:test";
import type {Browser, Page} from "playwright-core";
import {launchBrowser} from "../support/browser.ts";
import {visit} from "../support/pages.ts";
import {serveStatic} from "../support/serve.ts";
import {buildOffline, type BuiltSite} from "../support/site.ts";
import {ROOT} from "../support/workspace.ts";

/** Screenshots for a person to review (git-ignored). */
const SCREENSHOTS = join(ROOT, "test-results", "screenshots");

/** The text behind every CSV download link on a page: the links hold Blob URLs, readable only from the page itself. */
async function downloads(page: Page): Promise<{filename: string; text: string}[]> {
  return page.locator("main a[download]").evaluateAll((links) =>
    Promise.all(links.map(async (link) => ({filename: link.getAttribute("download") ?? "", text: await (await fetch((link as HTMLAnchorElement).href)).text()})))
  );
}

describe("the Actors and Explore pages in headless Chromium", () => {
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

  for (const path of ["actors", "explore"]) {
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

  it("draws the co-mention matrix, a cell's tooltip saying how many sentences name the pair", async () => {
    const {page} = await visit(browser, server.url, "actors");
    try {
      const matrix = page.locator("main svg[aria-label='Co-mention matrix']");
      const cells = matrix.locator("g[aria-label='cell'] rect");
      assert.ok((await cells.count()) > 0, "the matrix has cells");
      await cells.first().hover();
      const tip = matrix.locator("g[aria-label='tip'] text");
      await tip.waitFor({timeout: 5000});
      // Plot wraps a tip's lines at zero-width spaces.
      const text = ((await tip.textContent()) ?? "").replace(/\u200b/g, " ").replace(/\s+/g, " ").trim();
      assert.match(text, /^.+ and .+: named together in \d+ sentences?$/);
    } finally {
      await page.close();
    }
  });

  it("cites each role the text states to its sentence", async () => {
    const {page} = await visit(browser, server.url, "actors");
    try {
      const rows = page.locator("main table tbody tr");
      assert.ok((await rows.count()) > 0, "the corpus states some roles");
      const href = await rows.first().locator("sup.cite a").getAttribute("href");
      assert.match(decodeURIComponent(href ?? ""), /\/sources\/[^/#]+#.+:s\d+$/, "the citation opens the sentence in its source");
    } finally {
      await page.close();
    }
  });

  for (const [path, expected] of [["actors", 3], ["explore", 1]] as const) {
    it(`offers the data under each chart on ${path} as CSV with a header row, safe to open in a spreadsheet`, async () => {
      const {page} = await visit(browser, server.url, path);
      try {
        const files = await downloads(page);
        assert.ok(files.length >= expected, `${files.length} download links, expected at least ${expected}`);
        for (const {filename, text} of files) {
          assert.match(filename, /\.csv$/);
          const rows = csvParse(text);
          assert.ok(rows.columns.length > 1, `${filename} has a header row`);
          assert.equal(text.split("\n")[0], rows.columns.join(","), `${filename} starts with its header`);
          assert.ok(rows.length > 0, `${filename} has rows`);
          for (const row of rows) {
            for (const value of Object.values(row)) {
              assert.ok(!/^[=+\-@\t\r]/.test(value ?? "") || Number.isFinite(+value!), `${filename}: ${value} could run as a formula`);
            }
          }
        }
      } finally {
        await page.close();
      }
    });
  }

  it("shows the code of each transform on the explore page beside its result", async () => {
    const {page} = await visit(browser, server.url, "explore");
    try {
      const code = page.locator("main pre code");
      assert.ok((await code.count()) >= 6, "the transforms' code is echoed");
      const pivot = code.filter({hasText: ".pivot("});
      assert.ok(await pivot.first().isVisible(), "the pivot's code is visible");
      assert.ok((await page.locator("main svg[class^='plot']").count()) > 0, "the chart from a transform is drawn");
    } finally {
      await page.close();
    }
  });
});
