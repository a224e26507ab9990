import * as Plot from "npm:@observablehq/plot";
import {accessiblePlot} from "./accessibleChart.js";
import {periodInterval} from "./format.js";

/**
 * Dated events on a time axis, one row per kind. A day is a tick; a month, quarter or year is a bar across the whole
 * span, so an event known only to "2025" is not drawn as if it happened on one day.
 */
export function eventTimeline(events, {width, kinds} = {}) {
  const rows = events.map((e) => {
    const [start, end] = periodInterval(e.date);
    return {...e, start, end};
  });
  return accessiblePlot({
    title: "Dated events",
    subtitle: "A tick for an event dated to the day; a bar across the month, quarter or year for one dated less precisely",
    caption: "Source: events.csv",
    width,
    height: 60 + 40 * (kinds ?? new Set(rows.map((d) => d.kind))).size,
    marginLeft: 110,
    x: {type: "utc", label: null, grid: true},
    y: {label: null, domain: kinds ? [...kinds] : undefined, tickFormat: (k) => k.replace(/_/g, " ")},
    color: {legend: false},
    marks: [
      Plot.barX(rows.filter((d) => d.date_precision !== "day"), {x1: "start", x2: "end", y: "kind", fill: "kind", fillOpacity: 0.35, inset: 6}),
      Plot.tickX(rows.filter((d) => d.date_precision === "day"), {x: "start", y: "kind", stroke: "kind", strokeWidth: 3}),
      Plot.tip(rows, Plot.pointer({
        x: (d) => new Date((+d.start + +d.end) / 2),
        y: "kind",
        title: (d) => `${d.date} (${d.date_precision})\n${d.summary}\n${d.doc_id}`
      }))
    ]
  });
}
