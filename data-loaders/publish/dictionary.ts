import MarkdownIt from "markdown-it";

/**
 * The data dictionary (docs/data-dictionary.md) as an HTML fragment for the methods page. The Markdown is the
 * repository's own documentation, never corpus text, and raw HTML in it is not passed through.
 */
export function dictionaryHtml(markdown: string): string {
  return new MarkdownIt({html: false, linkify: false}).render(markdown.replace(/^# .*\n/, ""));
}
