import {Readability} from "@mozilla/readability";
import {parseHTML} from "linkedom";
import type {DocumentMetadata} from "../types.ts";
import {normalizeDate} from "./frontMatter.ts";

export type HtmlResult = {text: string; metadata: Partial<DocumentMetadata>} | {problem: "no_article_text"; detail: string};

/** Fewer characters than this in the main text means the page is navigation or a stub, not an article. */
const MIN_ARTICLE_CHARS = 200;

/**
 * The main article text of a saved web page (Readability, as in Firefox's reader view), with the metadata the page
 * declares (canonical URL, site name, publication time). Scripts are never run: linkedom only parses.
 */
export function extractHtml(source: string): HtmlResult {
  const {document} = parseHTML(source);
  const meta = (selector: string) => document.querySelector(selector)?.getAttribute("content")?.trim() ?? "";
  const metadata: Partial<DocumentMetadata> = {};
  const url = document.querySelector('link[rel="canonical"]')?.getAttribute("href")?.trim() || meta('meta[property="og:url"]');
  if (url) metadata.url = url;
  const outlet = meta('meta[property="og:site_name"]');
  if (outlet) metadata.outlet = outlet;
  const published = normalizeDate(meta('meta[property="article:published_time"]') || meta('meta[name="date"]'));
  if (published) metadata.published = published;
  // Readability mutates the document, so metadata is read first.
  const article = new Readability(document as unknown as Document).parse();
  const text = (article?.textContent ?? "")
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
  if (text.length < MIN_ARTICLE_CHARS) {
    return {problem: "no_article_text", detail: `no article found in the page (${text.length} characters of main text); save the article page itself, or paste its text into a .txt file`};
  }
  if (article?.title) metadata.title = article.title.trim();
  return {text, metadata};
}
