import * as Plot from "npm:@observablehq/plot";
import {accessiblePlot} from "./accessibleChart.js";

// Okabe–Ito blue and orange, told apart with any colour vision; grey for a single source.
const STANCE_COLORS = {agrees: "#0072B2", conflicts: "#E69F00", "sole source": "#999999", silent: "var(--theme-background-alt)"};

/**
 * Sources × claims: for every claim more than one source could speak to, whether each source agrees with the others,
 * conflicts with them, is the only one to state it, or is silent. `cells` are {claim, source, stance, detail}.
 */
export function claimsMatrix(cells, {width, claims, sources} = {}) {
  return accessiblePlot({
    title: "Claims by source",
    subtitle: "Whether each article agrees with the others on a figure, contradicts them, is the only one to state it, or is silent",
    caption: "Source: claims.csv and figures.csv",
    width,
    height: 80 + 26 * claims.length,
    marginLeft: 260,
    marginTop: 80,
    x: {domain: sources, axis: "top", label: null, tickRotate: -30, tickFormat: (d) => (d.length > 22 ? `${d.slice(0, 20)}…` : d)},
    y: {domain: claims, label: null},
    color: {domain: Object.keys(STANCE_COLORS), range: Object.values(STANCE_COLORS), legend: true},
    marks: [
      Plot.cell(cells, {x: "source", y: "claim", fill: "stance", inset: 1, channels: {detail: "detail"}, tip: true})
    ]
  });
}
