import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {documentFromBytes, headline, safeUrl} from "../../data-loaders/corpus/read.ts";
import type {SourceDocument} from "../../data-loaders/types.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);
const read = (file: string, text: string, sidecar = {}) => documentFromBytes(file, utf8(text), sidecar);

describe("documentFromBytes", () => {
  it("takes metadata from Markdown front matter and keeps the body as the text", () => {
    const document = read("news/acme.md", "---\ntitle: Acme raises\noutlet: The Wire\nurl: https://example.com/a\npublished: 2025-03-04\n---\nAcme raised €5m.\n") as SourceDocument;
    assert.equal(document.doc_id, "news/acme");
    assert.equal(document.title, "Acme raises");
    assert.equal(document.outlet, "The Wire");
    assert.equal(document.url, "https://example.com/a");
    assert.equal(document.published, "2025-03-04");
    assert.equal(document.text, "Acme raised €5m.\n");
  });
  it("refuses malformed front matter, saying what to fix", () => {
    const problem = read("bad.md", "---\ntitle: [unclosed\n---\nBody text.\n");
    assert.equal("problem" in problem && problem.problem, "bad_front_matter");
  });
  it("never runs JavaScript front matter, which gray-matter would eval: the block stays text", () => {
    const document = read("evil.md", "---js\n{title: (globalThis.__pwned = 1, 'ran')}\n---\nAcme raised €5m.\n") as SourceDocument;
    assert.equal((globalThis as {__pwned?: number}).__pwned, undefined);
    assert.match(document.text, /^---js\n\{title: \(globalThis.__pwned = 1, 'ran'\)\}/);
  });
  it("refuses a published date that is not a date", () => {
    const problem = read("bad.md", "---\npublished: last Tuesday\n---\nBody text.\n");
    assert.equal("problem" in problem && problem.problem, "bad_front_matter");
    assert.match("detail" in problem ? problem.detail : "", /YYYY-MM-DD/);
  });
  it("fills plain-text metadata from the folder's sidecar, with the first line as a fallback title", () => {
    const document = read("seeds/a.txt", "Big News Today\nAcme raised money.\n", {outlet: "Wire", published: "2026-01-02"}) as SourceDocument;
    assert.equal(document.title, "Big News Today");
    assert.equal(document.outlet, "Wire");
    assert.equal(document.published, "2026-01-02");
  });
  it("extracts the article from a saved web page, with its declared metadata, and never its scripts", () => {
    const paragraph = "Acme Robotics said on Tuesday it had raised 40 million euros to expand its factory in Lyon. ".repeat(4);
    const page = `<html><head><title>Acme raises</title><link rel="canonical" href="https://news.example/acme">
      <meta property="og:site_name" content="News Example"><meta property="article:published_time" content="2025-06-01T08:00:00Z">
      <script>window.__pwned = 1</script></head><body><nav>Home | World | Tech</nav>
      <article><h1>Acme raises</h1><p>${paragraph}</p><p>${paragraph}</p></article></body></html>`;
    const document = read("web/acme.html", page) as SourceDocument;
    assert.equal(document.url, "https://news.example/acme");
    assert.equal(document.outlet, "News Example");
    assert.equal(document.published, "2025-06-01");
    assert.match(document.text, /raised 40 million euros/);
    assert.doesNotMatch(document.text, /__pwned|Home \| World/);
  });
  it("reports a page that is all navigation as having no article text", () => {
    const problem = read("web/nav.html", "<html><body><nav><a href='/'>Home</a> <a href='/x'>News</a></nav></body></html>");
    assert.equal("problem" in problem && problem.problem, "no_article_text");
  });
});

describe("headline", () => {
  it("takes a short first line without closing punctuation", () => assert.equal(headline("# Acme Raises €5m\nBody."), "Acme Raises €5m"));
  it("does not take a sentence", () => assert.equal(headline("Acme raised €5m on Monday.\nMore."), ""));
});

describe("safeUrl", () => {
  it("keeps http and https URLs", () => assert.equal(safeUrl("https://example.com/a?b=c"), "https://example.com/a?b=c"));
  it("drops javascript:, data: and unparseable URLs", () => {
    assert.equal(safeUrl("javascript:alert(1)"), "");
    assert.equal(safeUrl("data:text/html,<script>alert(1)</script>"), "");
    assert.equal(safeUrl("not a url"), "");
  });
});
