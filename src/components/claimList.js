import {html} from "npm:htl";
import {citeMark} from "./cite.js";
import {claimFigures, rankClaims} from "./claims.js";
import {downloadLink} from "./downloadLink.js";
import {formatFigure, formatPeriod} from "./format.js";

/**
 * Claims as a list, those the most articles state first: what is claimed, the verdict, each article's figure with
 * its citation, and what differs. At most `limit` are listed, so a large corpus does not bury the page; the rest are
 * counted and all of them can be downloaded.
 */
export function claimList(claims, {figuresById, index, limit = 10, filename = "claims.csv"}) {
  const ranked = rankClaims(claims);
  const shown = ranked.slice(0, limit);
  const total = ranked.length.toLocaleString("en-US");
  return html`<ul>${shown.map((claim) => html`<li>${claimItem(claim, figuresById, index)}</li>`)}</ul>${
    ranked.length > shown.length
      ? html`<p class="muted">The ${shown.length} claims stated by the most articles, of ${total}.</p>${downloadLink(ranked, {filename, label: `Download all ${total} (CSV)`})}`
      : ""
  }`;
}

function claimItem(claim, figuresById, index) {
  const figures = claimFigures(claim, figuresById);
  return html`<strong>${claim.metric.replace(/_/g, " ")}</strong>, ${claim.subject}, ${formatPeriod(claim.period)} — <em>${claim.status.replace(/_/g, " ")}</em>:
    ${figures.map((f, i) => html`${i ? "; " : ""}${formatFigure(f)}${f.instrument ? ` (${f.instrument})` : ""}${citeMark(f.doc_id, f.sentence_id, index)}`)}.
    <span class="muted">${claim.note}</span>`;
}
