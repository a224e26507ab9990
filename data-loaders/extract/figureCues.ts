/**
 * What a figure measures (metric), how sure its sentence is about it (qualifier) and what financed it (instrument),
 * from cue words in the sentence. The cues and the rules that weigh them are data: lexicons/metrics.json, whose
 * "_about" notes explain precedence and ownership.
 */
import metrics from "../lexicons/metrics.json" with {type: "json"};
import type {Metric, Qualifier, Unit} from "../types.ts";
import {type Amount, MONEY_UNITS, wordsBefore} from "./amounts.ts";
import {compileLabelled, cueAlternation, entries, execAll, findLabelled, gateOf, wholeWords} from "./cuePatterns.ts";
import {endOf, firstAtOrAfter} from "./ordered.ts";

export interface Cue {
  start: number;
  end: number;
  /** The metric the cue names, or the canonical instrument, or "target". */
  label: string;
  /** Index of the amount the cue belongs to; -1 when none is near enough. */
  owner: number;
}

export interface Cues {
  metrics: Cue[];
  targets: Cue[];
  instruments: Cue[];
  /** The metric of the sentence as a whole: the first in precedence among all its metric cues. */
  sentenceMetric: Metric | undefined;
  /** Per amount, the cues it owns. */
  own: {metrics: Cue[]; targets: Cue[]; instruments: Cue[]}[];
}

const PRECEDENCE = metrics.precedence as Metric[];
const REVENUE_LIKE = new Set<Metric>(["revenue", "arr"]);
const FUNDING = new Set(metrics.funding_metrics as Metric[]);
const UNIT_METRICS = metrics.unit_metrics as Partial<Record<Unit, Metric>>;
/** A target cue makes a figure a target when the figure starts this close after it, or ends this close before it. */
const TARGET_BEFORE = 40;
const TARGET_AFTER = 20;
/** How far, in characters, a cue looks for the amount it belongs to. */
const WINDOW = 200;
/**
 * Words usually come before the amount they describe ("raised $65 million", "acquired ChatNest … for $12 million",
 * "valuing Mistral at €11.7 billion"), so an amount before a cue counts as this many times further away than one
 * after it; a cue right after an amount still belongs to it ("$1.2 billion in debt", "a $6bn valuation").
 */
const BACKWARD_WEIGHT = 2;
/** What joins an amount to a cue that describes it: "$1.2 billion in debt", "$50m of new convertible notes". */
const ATTACHED = /^\s*(?:in|of|as|via|through)\s+(?:(?:new|fresh|additional|combined|the|a|an)\s+)?$/i;

const METRIC_CUES = compileLabelled(
  PRECEDENCE.map((metric) => [metric, (metrics.cues as Record<string, string[]>)[metric] ?? []]),
  "lexicons/metrics.json"
);
const INSTRUMENT_CUES = compileLabelled(entries<string[]>(metrics.instruments as Record<string, string[] | string>), "lexicons/metrics.json");
const TARGET_CUES = wholeWords(cueAlternation(metrics.target_cues.cues));
const TARGET_GATE = gateOf(metrics.target_cues.cues);
/** Hedge phrases (as words, lower case) → qualifier; the longest phrase right before a figure wins. */
const HEDGES = new Map<string, Qualifier>(
  (["at_least", "up_to", "over", "about"] as const).flatMap((name) =>
    metrics.qualifiers[name].map((cue) => [cue.replace(/\\(.)/g, "$1").toLowerCase(), name] as const)
  )
);
const LONGEST_HEDGE = Math.max(...[...HEDGES.keys()].map((hedge) => hedge.split(" ").length));
/** The words hedges end with: a figure after any other word has no hedge, and most figures are found so at once. */
const HEDGE_ENDINGS = new Set([...HEDGES.keys()].map((hedge) => hedge.split(" ").at(-1)!.replace(/^\(/, "")));

/**
 * Every metric, target and instrument cue in a sentence; metric and instrument cues belong to the nearest money,
 * target cues to the nearest amount. Only amounts marked `owners` can own cues: a conversion ("(about $1.17
 * billion)") leaves its cues to the amount it converts. `amounts` are in text order.
 */
export function findCues(text: string, amounts: Amount[], owners: boolean[] = amounts.map(() => true)): Cues {
  const everything = amounts.map((_, i) => i).filter((i) => owners[i]);
  const money = everything.filter((i) => MONEY_UNITS.has(amounts[i].unit));
  const metricCues = money.length ? ownedCues(text, findLabelled(text, METRIC_CUES), amounts, money) : [];
  const instrumentCues = money.length ? ownedCues(text, findLabelled(text, INSTRUMENT_CUES), amounts, money) : [];
  const targetCues =
    TARGET_GATE && !TARGET_GATE.test(text)
      ? []
      : ownedCues(text, execAll(TARGET_CUES, text).map((m) => ({label: "target", start: m.index, end: m.index + m[0].length})), amounts, everything);
  const own = amounts.map(() => ({metrics: [] as Cue[], targets: [] as Cue[], instruments: [] as Cue[]}));
  for (const cue of metricCues) if (cue.owner >= 0) own[cue.owner].metrics.push(cue);
  for (const cue of targetCues) if (cue.owner >= 0) own[cue.owner].targets.push(cue);
  for (const cue of instrumentCues) if (cue.owner >= 0) own[cue.owner].instruments.push(cue);
  return {metrics: metricCues, targets: targetCues, instruments: instrumentCues, sentenceMetric: first(metricCues), own};
}

/** Gives each cue found to its amount among `candidates`; cues inside an amount of money are part of it, not cues. */
function ownedCues(text: string, found: {label: string; start: number; end: number}[], amounts: Amount[], candidates: number[]): Cue[] {
  const cues: Cue[] = [];
  for (const {label, start, end} of found) {
    if (insideMoney(amounts, start, end)) continue;
    cues.push({start, end, label, owner: ownerOf(text, start, end, amounts, candidates)});
  }
  return cues;
}

function insideMoney(amounts: Amount[], start: number, end: number): boolean {
  const i = firstAtOrAfter(amounts, endOf, start + 1);
  return i < amounts.length && amounts[i].start < end && MONEY_UNITS.has(amounts[i].unit);
}

/** The candidate (an index into `amounts`) nearest a cue within the window, counting candidates before it as further away. */
function ownerOf(text: string, start: number, end: number, amounts: Amount[], candidates: number[]): number {
  let owner = -1;
  let distance = Infinity;
  for (let k = firstAtOrAfter(candidates, (i) => amounts[i].end, start - WINDOW); k < candidates.length; ++k) {
    const amount = amounts[candidates[k]];
    if (amount.start > end + WINDOW) break;
    if (amount.end <= start) {
      const next = k + 1 < candidates.length ? amounts[candidates[k + 1]] : undefined;
      const nearestBefore = !next || next.end > start;
      if (nearestBefore && start - amount.end <= 40 && ATTACHED.test(text.slice(amount.end, start))) return candidates[k];
    }
    const d = amount.end <= start ? (start - amount.end) * BACKWARD_WEIGHT : Math.max(0, amount.start - end);
    if (d < distance || (d === distance && amount.start >= end)) [owner, distance] = [candidates[k], d];
  }
  return owner;
}

/** The metric of the amount at `index`: see lexicons/metrics.json. */
export function metricOf(index: number, amounts: Amount[], cues: Cues): Metric {
  const amount = amounts[index];
  if (!MONEY_UNITS.has(amount.unit)) return UNIT_METRICS[amount.unit] ?? "other";
  const metric = first(cues.own[index].metrics) ?? cues.sentenceMetric ?? "other";
  if (REVENUE_LIKE.has(metric) && isTargeted(index, amounts, cues)) return "revenue_target";
  return metric;
}

function first(cues: Cue[]): Metric | undefined {
  if (!cues.length) return undefined;
  for (const metric of PRECEDENCE) if (cues.some((c) => c.label === metric)) return metric;
  return undefined;
}

/** Whether a target cue near the amount belongs to it: "targeting €1 billion", "$1 billion by year-end". */
function isTargeted(index: number, amounts: Amount[], cues: Cues): boolean {
  const amount = amounts[index];
  return cues.own[index].targets.some(
    (c) => (c.end <= amount.start && amount.start - c.end <= TARGET_BEFORE) || (c.start >= amount.end && c.start - amount.end <= TARGET_AFTER)
  );
}

/** A hedge word right before the amount ("about", "more than", "up to"), else "target" near a target cue, else "exact". */
export function qualifierOf(text: string, index: number, amounts: Amount[], cues: Cues): Qualifier {
  const amount = amounts[index];
  for (const position of amount.start === amount.numberStart ? [amount.start] : [amount.start, amount.numberStart]) {
    const hedge = hedgeBefore(text, position);
    if (hedge) return hedge;
  }
  // "5,000+ customers".
  if (/^[\d,.]+\+/.test(text.slice(amount.numberStart, amount.end))) return "at_least";
  return isTargeted(index, amounts, cues) ? "target" : "exact";
}

/** The hedge that ends right before a position ("more than $5m", "(about $1.17 billion", "~$5m"), if any. */
function hedgeBefore(text: string, position: number): Qualifier | undefined {
  const [nearest] = wordsBefore(text, position, 1);
  if (!nearest || !HEDGE_ENDINGS.has(nearest.toLowerCase().replace(/^\(/, ""))) return undefined;
  const words = wordsBefore(text, position, LONGEST_HEDGE).reverse();
  for (let count = words.length; count > 0; --count) {
    const hedge = HEDGES.get(words.slice(-count).join(" ").toLowerCase().replace(/^\(/, ""));
    if (hedge) return hedge;
  }
  return undefined;
}

/** The instrument of a funding figure: its own instrument cue, else "". */
export function instrumentOf(index: number, metric: Metric, cues: Cues): string {
  if (!FUNDING.has(metric)) return "";
  return cues.own[index].instruments[0]?.label ?? "";
}
