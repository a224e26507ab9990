import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {readFile, readdir, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {after, before, describe, it} from "node:test";
import {csvParse} from "d3-dsv";
import type {Browser} from "playwright-core";
import {launchBrowser} from "../support/browser.ts";
import {visit} from "../support/pages.ts";
import {serveStatic} from "../support/serve.ts";
import {buildWorkspace} from "../support/site.ts";
import {copyWorkspace, ROOT, run} from "../support/workspace.ts";

// A company and an amount no seed article mentions, so finding them proves the new article was read.
const NEW_ARTICLE = `---
title: Quillon Systems closes Series A
outlet: Test Wire
published: 2026-02-05
---

Quillon Systems, a Lisbon-based developer of grid batteries, said on Thursday it had raised €77 million in a Series A round led by Harbor Ventures.

The company said the money would fund a second factory.
`;
const NEW_AMOUNT = 77000000;

async function builtFigures(dist: string): Promise<Record<string, string>[]> {
  const dir = join(dist, "_file", "data");
  const name = (await readdir(dir)).find((file) => /^figures\.[0-9a-f]+\.csv$/.test(file));
  assert.ok(name, "the built site has a figures table");
  return csvParse(await readFile(join(dir, name), "utf8"));
}

async function pageText(browser: Browser, dist: string, path: string): Promise<string> {
  const server = await serveStatic(dist);
  try {
    const {page, errors} = await visit(browser, server.url, path);
    try {
      assert.deepEqual(errors, [], path);
      return await page.locator("main").innerText();
    } finally {
      await page.close();
    }
  } finally {
    await server.close();
  }
}

describe("re-running the workspace on changed articles", () => {
  let workspace: {dir: string; remove: () => Promise<void>};
  let browser: Browser;
  before(async () => {
    workspace = await copyWorkspace();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await workspace?.remove();
  });

  it("forks two pages that render like their originals", async () => {
    for (const [page, name] of [["money", "fork-of-money"], ["timeline", "fork-of-timeline"]]) {
      const fork = await run("npm", ["run", "fork", "--", page, name], {cwd: workspace.dir});
      assert.equal(fork.code, 0, fork.stderr);
      assert.match(fork.stdout, new RegExp(`/forks/${name}`));
    }
    const refused = await run("npm", ["run", "fork", "--", "money", "fork-of-money"], {cwd: workspace.dir});
    assert.notEqual(refused.code, 0, "a taken name is refused");
    assert.match(refused.stderr, /already exists/);
    await buildWorkspace(workspace.dir);
    const dist = join(workspace.dir, "dist");
    for (const [page, name] of [["money", "fork-of-money"], ["timeline", "fork-of-timeline"]]) {
      const original = await pageText(browser, dist, page);
      const forked = await pageText(browser, dist, `forks/${name}`);
      assert.ok(original.length > 200, `${page} rendered`);
      assert.equal(forked, original, `forks/${name} renders like ${page}`);
    }
    const index = await readFile(join(dist, "index.html"), "utf8");
    assert.match(index, /forks\/fork-of-money/, "the sidebar lists the forks");
  });

  it("shows a new article's figure after one more build, on the tables and the money page, and drops it when removed", async () => {
    const article = join(workspace.dir, "corpus", "quillon.md");
    const dist = join(workspace.dir, "dist");
    assert.ok(!(await builtFigures(dist)).some((f) => +f.value === NEW_AMOUNT), "not there before");

    await writeFile(article, NEW_ARTICLE);
    await buildWorkspace(workspace.dir);
    const added = (await builtFigures(dist)).filter((f) => +f.value === NEW_AMOUNT);
    assert.equal(added.length, 1, "the new figure is in figures.csv");
    assert.equal(added[0].subject, "Quillon Systems");
    assert.match(await pageText(browser, dist, "money"), /€77 million/);

    await rm(article);
    await buildWorkspace(workspace.dir);
    assert.ok(!(await builtFigures(dist)).some((f) => +f.value === NEW_AMOUNT), "gone once the article is removed");
    assert.doesNotMatch(await pageText(browser, dist, "money"), /€77 million/);
  });

  it("builds over another corpus given with --corpus, and pages say what the corpus lacks", async () => {
    const corpus = join(workspace.dir, "other-corpus");
    await run("mkdir", ["-p", corpus]);
    await writeFile(join(corpus, "note.txt"), "Harbor Ventures opened an office in Porto on 3 March 2026. It plans to hire staff.\n");
    await buildWorkspace(workspace.dir, {}, ["--corpus", corpus]);
    const dist = join(workspace.dir, "dist");
    assert.equal((await builtFigures(dist)).length, 0);
    assert.match(await pageText(browser, dist, "money"), /No funding, revenue or valuation figures in this corpus/);
    for (const path of ["index", "stack", "compute", "timeline", "sources", "methods"]) await pageText(browser, dist, path);
  });
});

describe("npm run dev", () => {
  it("serves a new article's figures without a restart, with no network but loopback", async () => {
    const workspace = await copyWorkspace();
    try {
      const port = String(40000 + (process.pid % 20000));
      const probe = ["--import", "tsx", join(ROOT, "test", "support", "devProbe.ts"), workspace.dir, "quillon.md", NEW_ARTICLE, "Quillon Systems", port];
      const isolated = spawnSync("unshare", ["-rn", "ip", "link", "set", "lo", "up"]).status === 0;
      const result = isolated
        ? await run("unshare", ["-rn", "sh", "-c", 'ip link set lo up && exec "$@"', "sh", process.execPath, ...probe])
        : await run(process.execPath, probe);
      const report = JSON.parse(result.stdout.trim().split("\n").pop() || "{}");
      assert.deepEqual({before: report.before, after: report.after}, {before: false, after: true}, result.stdout + result.stderr);
    } finally {
      await workspace.remove();
    }
  });
});
