import assert from "node:assert/strict";
import {mkdtemp, readdir, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, describe, it} from "node:test";
import {writeFileAtomically, writeTablesAtomically} from "../../data-loaders/tables/write.ts";

describe("writing tables", () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "write-"));
  });
  after(() => rm(dir, {recursive: true, force: true}));

  it("writes pieces as their concatenation, across batch boundaries and multi-byte characters", async () => {
    // Pieces of every size around the 1 MB batch: many small ones, ones that straddle a boundary, and one far larger.
    const pieces: string[] = [];
    for (let i = 0; i < 30_000; i++) pieces.push(`row ${i},Zürich 東京 €${i % 97},"quoted ""cell"""\n`);
    pieces.push("é".repeat(700_000), "x".repeat(3_000_000), "🙂".repeat(200_000), "", "tail\n");
    const path = join(dir, "pieces.csv");
    await writeFileAtomically(path, pieces);
    const written = await readFile(path);
    assert.equal(written.length, Buffer.byteLength(pieces.join("")));
    assert.equal(written.toString("utf8"), pieces.join(""));
  });

  it("replaces a table whole and leaves no temporary file behind", async () => {
    await writeTablesAtomically(dir, {"a.csv": ["id\n", "1\n"], "pages/b.csv": "id\n2\n"});
    await writeTablesAtomically(dir, {"a.csv": ["id\n", "3\n"]});
    assert.equal(await readFile(join(dir, "a.csv"), "utf8"), "id\n3\n");
    assert.equal(await readFile(join(dir, "pages", "b.csv"), "utf8"), "id\n2\n");
    assert.deepEqual((await readdir(dir)).filter((name) => name.endsWith(".tmp")), []);
  });
});
