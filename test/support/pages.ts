import type {Browser, Page} from "playwright-core";

export const ANALYSIS_PAGES = ["index", "stack", "money", "compute", "timeline", "actors", "sources", "explore", "methods"];

export interface PageVisit {
  page: Page;
  errors: string[];
  /** Every request the page made to a host other than the site's own. */
  foreignRequests: string[];
}

/** Opens a page and waits until Framework has run every cell (no cell is still pending). */
export async function visit(browser: Browser, siteUrl: string, path: string): Promise<PageVisit> {
  const page = await browser.newPage();
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  const origin = new URL(siteUrl).origin;
  page.on("pageerror", (error) => errors.push(error.message));
  // A failed request is reported by its URL; the console's own "Failed to load resource" line does not name it.
  page.on("console", (message) => message.type() === "error" && !message.text().startsWith("Failed to load resource") && errors.push(message.text()));
  page.on("response", (response) => response.status() >= 400 && errors.push(`HTTP ${response.status()} ${response.url()}`));
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) foreignRequests.push(url);
  });
  await page.goto(`${siteUrl}/${path === "index" ? "" : path}`, {waitUntil: "networkidle"});
  await page.waitForFunction(() => !document.querySelector(".observablehq--loading, .observablehq--pending"), null, {timeout: 15000});
  const cellErrors = await page.$$eval(".observablehq--error", (nodes) => nodes.map((node) => node.textContent ?? ""));
  errors.push(...cellErrors);
  return {page, errors, foreignRequests};
}
