import * as Plot from "npm:@observablehq/plot";

/**
 * Plot.plot, with a role on every group Plot labels ("bar", "x-axis"): an aria-label on a <g> without a role is
 * prohibited by ARIA in HTML, so checkers such as axe flag every chart (observablehq/plot#1760).
 */
export function accessiblePlot(options) {
  const figure = Plot.plot(options);
  for (const group of figure.querySelectorAll("g[aria-label]:not([role])")) group.setAttribute("role", "graphics-object");
  return figure;
}
