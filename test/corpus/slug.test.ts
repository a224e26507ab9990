import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {readerSlug} from "../../data-loaders/corpus/slug.ts";

describe("readerSlug", () => {
  it("writes folders with ~ and keeps plain names readable", () => {
    assert.equal(readerSlug("seeds/001_98d2"), "seeds~001_98d2");
    assert.equal(readerSlug("article-1.final"), "article-1.final");
  });

  it("makes names with other characters URL-safe and unique", () => {
    const ids = ["my article", "my-article", "my~article", "my/article", "été/rapport", "a?b#c"];
    const slugs = ids.map(readerSlug);
    assert.equal(new Set(slugs).size, ids.length);
    for (const slug of slugs) assert.match(slug, /^[A-Za-z0-9._~-]+$/);
  });

  it("never starts a slug with a character a spreadsheet reads as a formula", () => {
    for (const id of ["-2+3", "-draft", "<img src=x>", "+", "---"]) assert.match(readerSlug(id), /^[A-Za-z0-9_]/, id);
    assert.notEqual(readerSlug("-draft"), readerSlug("draft"));
  });
});
