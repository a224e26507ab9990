import assert from "node:assert/strict";
import {createHash} from "node:crypto";
import {readFile, readdir} from "node:fs/promises";
import {join} from "node:path";
import {it} from "node:test";
import {ROOT} from "../support/workspace.ts";

// The seeds are input data kept byte-for-byte as their publishers wrote them; metadata lives beside them.
const SEEDS = join(ROOT, "corpus", "seeds");
const SHARED_SEEDS = join(ROOT, "..", "shared", "seeds");

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

it("keeps the seed articles byte-for-byte as recorded when they were copied", async () => {
  const sums = (await readFile(join(SEEDS, "SHA256SUMS"), "utf8")).trim().split("\n").map((line) => line.split(/\s+/));
  assert.equal(sums.length, 5);
  for (const [digest, name] of sums) assert.equal(sha256(await readFile(join(SEEDS, name))), digest, name);
});

it("matches the shared originals where they are on this machine", async (t) => {
  const names = await readdir(SHARED_SEEDS).catch(() => null);
  if (!names) return t.skip(`${SHARED_SEEDS} is not on this machine`);
  for (const name of names) {
    assert.equal(sha256(await readFile(join(SEEDS, name))), sha256(await readFile(join(SHARED_SEEDS, name))), name);
  }
});
