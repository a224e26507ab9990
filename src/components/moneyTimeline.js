import * as Plot from "npm:@observablehq/plot";
import {accessiblePlot} from "./accessibleChart.js";
import {formatAmount, formatPeriod, periodInterval, periodMidpoint} from "./format.js";
import {distinctAmounts} from "./select.js";

/**
 * Money figures over time in one currency: a dot at the middle of each figure's period and a bar across the
 * period, so "2026" reads as a year, not as 1 July. `currency` is "EUR" or "USD"; values are the tables'
 * normalised ones, and the tip says when a value was converted and how many articles state it.
 */
export function moneyTimeline(figures, {currency = "EUR", width} = {}) {
  const column = currency === "USD" ? "value_usd" : "value_eur";
  const rows = distinctAmounts(figures.filter((f) => f.period && f[column] != null), column, currency).map((f) => ({
    ...f,
    interval: periodInterval(f.period),
    mid: periodMidpoint(f.period)
  }));
  const tip = {format: {x: false, y: (d) => formatAmount(d, currency), fill: false, stroke: false}};
  const channels = {stated: "text", period: (d) => formatPeriod(d.period), qualifier: "qualifier", source: "doc_id", "stated by": (d) => (d.articles === 1 ? "1 article" : `${d.articles} articles`)};
  return accessiblePlot({
    title: `Money over time, in ${currency === "USD" ? "US dollars" : "euros"}`,
    subtitle: "A dot at the middle of each amount's period, a bar across it; hollow dots were converted from another currency",
    caption: "Source: figures.csv (value_eur, value_usd); conversions printed beside an amount are left out.",
    width,
    height: 360,
    marginLeft: 70,
    x: {type: "utc", label: null, nice: true},
    y: {type: "log", label: `${currency} (log scale; hollow dots converted from another currency)`, grid: true, tickFormat: (d) => formatAmount(d, currency)},
    color: {legend: true, label: "Metric"},
    marks: [
      Plot.ruleY(rows, {x1: (d) => d.interval[0], x2: (d) => d.interval[1], y: "amount", stroke: "metric", strokeOpacity: 0.35, strokeWidth: 3}),
      Plot.dot(rows.filter((d) => !d.converted), {x: "mid", y: "amount", fill: "metric", r: 5, channels, tip}),
      Plot.dot(rows.filter((d) => d.converted), {x: "mid", y: "amount", stroke: "metric", fill: "var(--theme-background)", strokeWidth: 2, r: 5, channels, tip})
    ]
  });
}
