import * as Plot from "npm:@observablehq/plot";
import {accessiblePlot} from "./accessibleChart.js";
import {truncate} from "./format.js";

/**
 * Articles × names: how often each article mentions each organisation, person or product. `rows` are
 * {doc_id, source, entity, type, mentions}; `entities` (names) and `sources` (doc_ids) give the axes' order. Rows are
 * keyed by doc_id, not by label, because two untitled articles from one outlet share a label.
 */
export function mentionGrid(rows, {width, entities, sources, sourceLabel = (doc_id) => doc_id}) {
  const max = Math.max(1, ...rows.map((d) => d.mentions));
  return accessiblePlot({
    title: "Mentions by article",
    subtitle: "Mentions of each organisation, person or product in each article, the most mentioned first",
    caption: "Source: mentions.csv joined to entities.csv",
    width,
    height: 190 + 28 * sources.length,
    marginLeft: 200,
    marginTop: 170,
    ariaLabel: "Mentions per source",
    x: {domain: entities, axis: "top", label: null, tickRotate: -60, tickFormat: (d) => truncate(d)},
    y: {domain: sources, label: null, tickFormat: (d) => truncate(sourceLabel(d))},
    // A square-root ramp: the focus company is named far more often than anyone else and would wash out the rest.
    color: {scheme: "blues", type: "sqrt", legend: true, label: "Mentions", domain: [0, max]},
    marks: [
      Plot.cell(rows, {
        x: "entity",
        y: "doc_id",
        fill: "mentions",
        inset: 1,
        title: (d) => `${d.entity} (${d.type}) in ${d.source}: ${d.mentions} ${d.mentions === 1 ? "mention" : "mentions"}`,
        tip: true
      }),
      // Counts in white on the darker half of the ramp, where dark text would not read.
      Plot.text(rows, {x: "entity", y: "doc_id", text: "mentions", fill: (d) => (Math.sqrt(d.mentions / max) > 0.5 ? "white" : "black")})
    ]
  });
}
