import * as Plot from "npm:@observablehq/plot";
import {accessiblePlot} from "./accessibleChart.js";
import {LAYER_ORDER, layerLabel} from "./layerCoverage.js";

/**
 * A grid of rows (articles, or organisations) by stack layer, shaded by the number of sentences; `rows` are
 * {row, layer, sentences} objects, `order` the rows' display order, `label` what the shade measures (sentences by default); `title`, `subtitle` and `caption` say what the rows are
 * and which table they come from.
 */
export function layerHeatmap(rows, {width, order, label = null, title, subtitle, caption} = {}) {
  return accessiblePlot({
    title,
    subtitle,
    caption,
    width,
    height: 60 + 28 * (order?.length ?? new Set(rows.map((d) => d.row)).size),
    marginLeft: 200,
    marginBottom: 40,
    x: {domain: LAYER_ORDER, tickFormat: layerLabel, label: null, axis: "top"},
    y: {domain: order, label: null, tickFormat: (d) => (d.length > 30 ? `${d.slice(0, 28)}…` : d)},
    color: {scheme: "blues", legend: true, label: label ?? "Sentences", zero: true},
    marks: [
      Plot.cell(rows, {x: "layer", y: "row", fill: "sentences", inset: 1, tip: true}),
      Plot.text(rows, {x: "layer", y: "row", text: "sentences", fill: (d) => (d.sentences > 0 ? "currentColor" : "none")})
    ]
  });
}
