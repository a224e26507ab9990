/**
 * Money in US dollars and euros. The corpus's own rate comes first: where an article prints an amount with its
 * conversion ("€1 billion (about $1.17 billion)"), that pair says what rate its outlet used, and a figure is
 * converted at the implied rate nearest its period in time (the median of those equally near; undated figures and
 * undated pairs use the median of all pairs). An implied rate further than a year from the figure, or more than 20% off
 * the published rate for its year (a misread pair), is not used; then the published annual average in
 * lexicons/rates.csv for the figure's year, or the nearest year the table has, is (undated: the latest year). A pure
 * function of the set of figures: the output does not depend on their order.
 */
import {csvParse} from "d3-dsv";
import {readFileSync} from "node:fs";
import type {Figure, MoneyUnit, Unit} from "../types.ts";

export interface Rate {
  /** US dollars per unit of the currency. */
  usd: number;
  /** The period the rate belongs to: an ISO year, month, quarter or day, or "" when unknown. */
  period: string;
}

export type Rates = Map<MoneyUnit, Rate[]>;

const TABLE_RATES: Rates = readRates(readFileSync(new URL("../lexicons/rates.csv", import.meta.url), "utf8"));
/** How far, in years, an implied rate may be from the figure it converts. */
const MAX_IMPLIED_DISTANCE = 1;
/** How far, as a fraction, an implied rate may be from the published one before it is taken for a misreading. */
const MAX_IMPLIED_DEVIATION = 0.2;

/** The rates table: one row per currency and year, US dollars per unit (columns currency, year, usd_per_unit). */
export function readRates(csv: string): Rates {
  const rates: Rates = new Map();
  for (const row of csvParse(csv)) {
    const unit = row.currency as MoneyUnit;
    const usd = Number(row.usd_per_unit);
    if (!unit || !Number.isFinite(usd) || usd <= 0) continue;
    rates.set(unit, [...(rates.get(unit) ?? []), {usd, period: String(row.year)}]);
  }
  for (const list of rates.values()) list.sort(compareRates);
  return rates;
}

const isMoney = (unit: Unit): unit is MoneyUnit => unit === "EUR" || unit === "USD" || unit === "GBP" || unit === "CHF";

/** Copies of the figures with value_usd and value_eur filled for money, rounded to whole units; other figures keep null. */
export function normaliseMoney(figures: Figure[], tableRates: Rates = TABLE_RATES): Figure[] {
  const implied = impliedRates(figures, tableRates);
  const usdPer = (unit: MoneyUnit, period: string): number => {
    if (unit === "USD") return 1;
    const table = tableRate(tableRates.get(unit) ?? [], period);
    const corpus = impliedRate(implied.get(unit) ?? [], period, table);
    return corpus ?? table ?? NaN;
  };
  return figures.map((figure) => {
    if (!isMoney(figure.unit)) return {...figure, value_usd: null, value_eur: null};
    const usd = figure.unit === "USD" ? figure.value : figure.value * usdPer(figure.unit, figure.period);
    const eur = figure.unit === "EUR" ? figure.value : usd / usdPer("EUR", figure.period);
    return {...figure, value_usd: round(usd), value_eur: round(eur)};
  });
}

/**
 * Rates the corpus implies, in US dollars per unit: from each amount printed with its conversion into dollars (or a
 * dollar amount with its conversion), dated by the pair's period. A pair between two other currencies ("CHF 120
 * million (about €125 million)") gives a rate through the published dollar rate of the second.
 */
export function impliedRates(figures: Figure[], tableRates: Rates = TABLE_RATES): Rates {
  const byId = new Map(figures.map((figure) => [figure.figure_id, figure]));
  const rates: Rates = new Map();
  const add = (unit: MoneyUnit, usd: number, period: string) => {
    if (Number.isFinite(usd) && usd > 0) rates.set(unit, [...(rates.get(unit) ?? []), {usd, period}]);
  };
  for (const conversion of figures) {
    const primary = byId.get(conversion.equivalent_of);
    if (!primary || !isMoney(primary.unit) || !isMoney(conversion.unit) || primary.unit === conversion.unit) continue;
    if (!(primary.value > 0) || !(conversion.value > 0)) continue;
    const period = primary.period || conversion.period;
    const ratio = conversion.value / primary.value;
    if (conversion.unit === "USD") add(primary.unit, ratio, period);
    else if (primary.unit === "USD") add(conversion.unit, 1 / ratio, period);
    else add(primary.unit, ratio * (tableRate(tableRates.get(conversion.unit) ?? [], period) ?? NaN), period);
  }
  for (const list of rates.values()) list.sort(compareRates);
  return rates;
}

/** The implied rate nearest the period in time, if near enough and plausible next to the published one. */
function impliedRate(rates: Rate[], period: string, published: number | undefined): number | undefined {
  const plausible = rates.filter((rate) => published === undefined || Math.abs(rate.usd / published - 1) <= MAX_IMPLIED_DEVIATION);
  if (!plausible.length) return undefined;
  const time = timeOf(period);
  const dated = plausible.filter((rate) => timeOf(rate.period) !== null);
  if (time === null || !dated.length) return median(plausible.map((rate) => rate.usd));
  const distance = (rate: Rate) => Math.abs(timeOf(rate.period)! - time);
  const best = Math.min(...dated.map(distance));
  if (best > MAX_IMPLIED_DISTANCE) return undefined;
  return median(dated.filter((rate) => distance(rate) === best).map((rate) => rate.usd));
}

/** The published rate for the period's year, or the nearest year's (ties: the later year); undated: the latest year. */
function tableRate(rates: Rate[], period: string): number | undefined {
  if (!rates.length) return undefined;
  const year = Number(period.slice(0, 4));
  if (!year) return rates.at(-1)!.usd;
  let best = rates[0];
  for (const rate of rates) if (Math.abs(Number(rate.period) - year) <= Math.abs(Number(best.period) - year)) best = rate;
  return best.usd;
}

/** The middle of a period, in years: "2026" → 2026.5, "2026-03" → 2026.208…, "2026-Q1" → 2026.125; null when undated. */
export function timeOf(period: string): number | null {
  const match = /^(\d{4})(?:-(?:Q([1-4])|(\d{2}))(?:-(\d{2}))?)?$/.exec(period);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2]) return year + (Number(match[2]) - 0.5) / 4;
  if (match[3]) return year + (Number(match[3]) - 1 + (match[4] ? (Number(match[4]) - 0.5) / 31 : 0.5)) / 12;
  return year + 0.5;
}

function compareRates(a: Rate, b: Rate): number {
  return a.period < b.period ? -1 : a.period > b.period ? 1 : a.usd - b.usd;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function round(value: number): number | null {
  return Number.isFinite(value) ? Math.round(value) : null;
}
