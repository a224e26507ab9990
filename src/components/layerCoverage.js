import * as Plot from "npm:@observablehq/plot";
import {accessiblePlot} from "./accessibleChart.js";
import {documentLabel} from "./cite.js";

export const LAYER_ORDER = ["energy", "compute", "models", "platform", "applications", "go_to_market", "sovereignty", "finance"];

export function layerLabel(layer) {
  return layer.replace(/_/g, "-");
}

/** Sentences per stack layer, stacked by article. */
export function layerCoverage(layers, documents, {width} = {}) {
  const byId = new Map(documents.map((d) => [d.doc_id, d]));
  return accessiblePlot({
    title: "Sentences per layer of the stack",
    subtitle: "Split by article",
    caption: "Source: layers.csv (a sentence can speak of several layers). Cue words per layer: data-loaders/lexicons/layers.json.",
    width,
    height: 280,
    marginLeft: 110,
    x: {label: "Sentences", grid: true},
    y: {label: null, domain: LAYER_ORDER, tickFormat: layerLabel},
    color: {legend: documents.length <= 12, type: "ordinal", scheme: "tableau10"},
    marks: [
      Plot.barX(layers, Plot.groupY({x: "count"}, {
        y: "layer",
        fill: (d) => documentLabel(byId.get(d.doc_id), d.doc_id),
        tip: true
      })),
      Plot.ruleX([0])
    ]
  });
}
