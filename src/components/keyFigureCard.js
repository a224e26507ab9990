import {html} from "npm:htl";
import {citeFigure} from "./cite.js";
import {formatPeriod} from "./format.js";

/** A card with one key figure, its period and its citation; says so plainly when the corpus has none. */
export function keyFigureCard(label, figure, index, {empty = "not in this corpus"} = {}) {
  return html`<div class="card key-figure">
    <h2>${label}</h2>
    ${figure
      ? html`<span class="big">${citeFigure(figure, index)}</span><p class="muted">${formatPeriod(figure.period)} · ${figure.subject || "subject unclear"}</p>`
      : html`<span class="muted">${empty}</span>`}
  </div>`;
}
