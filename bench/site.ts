/** Measures a built site: each page's JavaScript and data (gzipped), and time to first chart in headless Chromium. */
import {readFile, readdir} from "node:fs/promises";
import {join, resolve} from "node:path";
import {gzipSync} from "node:zlib";
import {launchBrowser} from "../test/support/browser.ts";
import {serveStatic} from "../test/support/serve.ts";

export interface SiteMeasures {
  largestPageJsGzip: number;
  largestJsPage: string;
  largestPageDataGzip: number;
  largestDataPage: string;
  /** Median of five cold loads, per page. */
  firstChartMs: Record<string, number>;
}

export async function measureSite(dist: string): Promise<SiteMeasures> {
  const pages = (await readdir(dist)).filter((name) => name.endsWith(".html") && name !== "404.html");
  const gz = async (path: string) => gzipSync(await readFile(path)).length;
  const fetched = await fetchedDataFiles(dist, pages.map((page) => page.replace(/\.html$/, "")));
  let largestPageJsGzip = 0;
  let largestJsPage = "";
  let largestPageDataGzip = 0;
  let largestDataPage = "";
  for (const page of pages) {
    const html = await readFile(join(dist, page), "utf8");
    // Framework lists every module a page loads as a modulepreload link.
    const modules = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]);
    const js = (await Promise.all(modules.map((href) => gz(resolve(dist, href))))).reduce((a, b) => a + b, 0);
    // Data is what the page actually fetches when it renders; a download link's file is not loaded until clicked.
    const data = (await Promise.all((fetched.get(page.replace(/\.html$/, "")) ?? []).map((path) => gz(join(dist, path))))).reduce((a, b) => a + b, 0);
    if (js > largestPageJsGzip) [largestPageJsGzip, largestJsPage] = [js, page];
    if (data > largestPageDataGzip) [largestPageDataGzip, largestDataPage] = [data, page];
  }
  return {largestPageJsGzip, largestJsPage, largestPageDataGzip, largestDataPage, firstChartMs: await firstChartTimes(dist, ["index", "money"])};
}

/** The data files (under _file/) each page requests while it renders, found by loading it in headless Chromium. */
async function fetchedDataFiles(dist: string, pages: string[]): Promise<Map<string, string[]>> {
  const server = await serveStatic(dist);
  const browser = await launchBrowser();
  const fetched = new Map<string, string[]>();
  try {
    for (const page of pages) {
      const tab = await browser.newPage();
      const files = new Set<string>();
      tab.on("request", (request) => {
        const path = new URL(request.url()).pathname;
        if (path.startsWith("/_file/")) files.add(decodeURIComponent(path.slice(1)));
      });
      await tab.goto(`${server.url}/${page === "index" ? "" : page}`, {waitUntil: "networkidle"});
      fetched.set(page, [...files]);
      await tab.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return fetched;
}

/**
 * Milliseconds from navigation start to the first frame drawn with a Plot chart in the page: a mutation observer
 * notes the chart's arrival and the next animation frame, which waits for whatever else holds the main thread, marks
 * it drawn. Polling from outside the page would instead time when the page is next idle, which can be long after.
 */
function recordFirstChart() {
  const seen = new MutationObserver(() => {
    if (!document.querySelector("main svg[class^='plot']")) return;
    seen.disconnect();
    requestAnimationFrame(() => ((window as unknown as {firstChartMs: number}).firstChartMs = performance.now()));
  });
  seen.observe(document, {childList: true, subtree: true});
}

async function firstChartTimes(dist: string, pages: string[]): Promise<Record<string, number>> {
  const server = await serveStatic(dist);
  const browser = await launchBrowser();
  const times: Record<string, number> = {};
  try {
    for (const page of pages) {
      const samples: number[] = [];
      for (let i = 0; i < 5; ++i) {
        const context = await browser.newContext();
        await context.addInitScript(recordFirstChart);
        const tab = await context.newPage();
        await tab.goto(`${server.url}/${page === "index" ? "" : page}`);
        const drawn = await tab.waitForFunction(() => (window as unknown as {firstChartMs?: number}).firstChartMs, null, {timeout: 60000});
        samples.push((await drawn.jsonValue()) as number);
        await context.close();
      }
      times[page] = samples.sort((a, b) => a - b)[2];
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return times;
}
