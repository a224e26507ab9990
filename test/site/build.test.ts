import assert from "node:assert/strict";
import {createHash} from "node:crypto";
import {mkdir, mkdtemp, readFile, readdir, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, describe, it} from "node:test";
import {csvParse} from "d3-dsv";
import {strFromU8, unzipSync} from "fflate";
import {buildOffline, type BuiltSite} from "../support/site.ts";
import {findThirdPartyRequests} from "../support/thirdParty.ts";

describe("npm run build with no network", () => {
  let first: BuiltSite;
  let second: BuiltSite;
  before(async () => {
    first = await buildOffline();
    second = await buildOffline();
  });
  after(async () => Promise.all([first?.remove(), second?.remove()]));

  it("builds every page", async () => {
    const pages = (await readdir(first.dist)).filter((name) => name.endsWith(".html"));
    assert.ok(pages.includes("index.html"), `pages built: ${pages.join(", ")}`);
  });

  it("resolves every npm import from node_modules, asking no registry or CDN", () => {
    // Framework prints "npm:<specifier> →" each time it resolves a version or downloads a module.
    const lookups = first.build.stdout.split("\n").filter((line) => /^npm:\S+ \S* ?→/.test(line.replace(/\x1b\[\d+m/g, "")));
    assert.deepEqual(lookups, []);
  });

  it("makes no request to a third-party host from any page, script or stylesheet", async () => {
    assert.deepEqual(await findThirdPartyRequests(first.dist), []);
  });

  it("ships one bundle with every table as served, the data dictionary and how to cite each source", async () => {
    const data = join(first.dist, "_file", "data");
    const files = await readdir(data);
    const bundleName = files.find((name) => /^workspace-tables\.[0-9a-f]+\.zip$/.test(name));
    assert.ok(bundleName, "the bundle is built");
    const bundle = unzipSync(await readFile(join(data, bundleName)));
    const tables = files.filter((name) => name.endsWith(".csv"));
    assert.equal(tables.length, 9);
    for (const served of tables) {
      const name = served.replace(/\.[0-9a-f]+\.csv$/, ".csv");
      assert.ok(bundle[name], `${name} is in the bundle`);
      assert.deepEqual(Buffer.from(bundle[name]), await readFile(join(data, served)), `${name} is the table the site serves`);
    }
    const citing = strFromU8(bundle["HOW-TO-CITE.md"]);
    const documents = csvParse(strFromU8(bundle["documents.csv"]));
    assert.ok(documents.length > 0);
    for (const document of documents) assert.ok(citing.includes(document.sha256), `${document.doc_id} is listed with its hash`);
    assert.match(strFromU8(bundle["data-dictionary.md"]), /## figures\.csv/);
  });

  it("gives byte-identical output when built twice from the same inputs", async () => {
    assert.deepEqual(await digestTree(second.dist), await digestTree(first.dist));
  });
});

describe("the third-party request check", () => {
  it("finds a web font stylesheet, a CDN module and a remote script", async () => {
    const dist = await mkdtemp(join(tmpdir(), "dist-"));
    await mkdir(join(dist, "_import"));
    await writeFile(join(dist, "index.html"), `<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=X"><script src="//cdn.example/x.js"></script><a href="https://example.com/article">source</a>`);
    await writeFile(join(dist, "_import", "page.js"), `import {x} from "https://cdn.jsdelivr.net/npm/x/+esm";`);
    await writeFile(join(dist, "_import", "style.css"), `@import url("https://fonts.example/f.css");`);
    const found = (await findThirdPartyRequests(dist)).map((reference) => reference.reference).sort();
    assert.deepEqual(found, ["//cdn.example/x.js", "https://cdn.jsdelivr.net/npm/x/+esm", "https://fonts.example/f.css", "https://fonts.googleapis.com/css2?family=X"]);
  });
});

async function digestTree(dir: string): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const entry of await readdir(dir, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    digests[path.slice(dir.length + 1)] = createHash("sha256").update(await readFile(path)).digest("hex");
  }
  return digests;
}
