import * as Plot from "npm:@observablehq/plot";
import {accessiblePlot} from "./accessibleChart.js";
import {truncate} from "./format.js";

/**
 * Who is named with whom: an adjacency matrix of names, a cell shaded by the number of sentences naming both.
 * `pairs` are {a, b, sentences}, each pair of different names once; the matrix draws both halves so that a row reads
 * across. Names are ordered by their co-mentions in all, the most connected first, so the hubs sit top left.
 */
export function coMentionMatrix(pairs, {width}) {
  const cells = pairs.flatMap((d) => [d, {...d, a: d.b, b: d.a}]);
  const totals = new Map();
  for (const {a, sentences} of cells) totals.set(a, (totals.get(a) ?? 0) + sentences);
  const order = [...totals.keys()].sort((x, y) => totals.get(y) - totals.get(x) || (x < y ? -1 : 1));
  const margin = {left: 200, top: 170, right: 20, bottom: 20};
  // Square cells, as large as the page allows up to a point: a matrix stretched into bars is harder to read across.
  const cell = Math.max(12, Math.min(26, (width - margin.left - margin.right) / order.length));
  return accessiblePlot({
    title: "Co-mentions: names in the same sentence",
    subtitle: "Sentences naming both of two organisations, people or products, the most connected first",
    caption: "Source: mentions.csv",
    width: margin.left + margin.right + cell * order.length,
    height: margin.top + margin.bottom + cell * order.length,
    marginLeft: margin.left,
    marginTop: margin.top,
    marginRight: margin.right,
    marginBottom: margin.bottom,
    ariaLabel: "Co-mention matrix",
    ariaDescription: "Pairs of names that appear in the same sentence; a darker cell means more sentences.",
    x: {domain: order, axis: "top", label: null, tickRotate: -60, tickFormat: (d) => truncate(d)},
    y: {domain: order, label: null, tickFormat: (d) => truncate(d)},
    // A square-root ramp, so a pair named once still shows against the page.
    color: {scheme: "purples", type: "sqrt", legend: true, label: "Sentences naming both", domain: [0, Math.max(1, ...pairs.map((d) => d.sentences))]},
    marks: [
      Plot.cell(cells, {
        x: "a",
        y: "b",
        fill: "sentences",
        inset: 1,
        title: (d) => `${d.a} and ${d.b}: named together in ${d.sentences} ${d.sentences === 1 ? "sentence" : "sentences"}`,
        tip: true
      })
    ]
  });
}
