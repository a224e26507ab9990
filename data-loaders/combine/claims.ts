import type {Claim, ClaimStatus, Figure, Metric, Qualifier} from "../types.ts";
import {entityId} from "../extract/mentions.ts";
import {formatNumber} from "../tables/csv.ts";

/** Metrics that are facts about a subject a second source could confirm or contradict. */
const CLAIMABLE = new Set<Metric>([
  "funding_round", "funding_total", "valuation", "revenue", "revenue_target", "arr", "debt", "equity", "investment",
  "capex", "employees", "gpus", "power", "downloads", "users"
]);

/**
 * Metrics that describe a state at a moment. Stated without a date ("valued at €2.1 billion", "employs 300 people"),
 * news reports them as of publication, so such a figure can be the same fact as one dated to the month it was published.
 */
const SNAPSHOT = new Set<Metric>(["valuation", "funding_round", "funding_total", "employees", "gpus", "power", "users", "downloads"]);

/**
 * Two amounts agree when they differ by at most this fraction. Conversions between currencies move with the rate
 * each outlet used, so they get a wider margin than amounts stated in the same unit.
 */
const SAME_UNIT_TOLERANCE = 0.01;
const CROSS_CURRENCY_TOLERANCE = 0.06;

/**
 * Groups figures that state the same metric about the same subject for compatible periods ("2026" and "2026-03" are
 * compatible; a figure with no period joins the group whose amounts it matches), and says whether the sources agree. Currency
 * conversions printed beside an amount are left out, so no amount is counted twice. `referenceDates` maps a doc_id to
 * the date its text is written from (documents.csv's reference_date): an undated snapshot figure also joins the group
 * dated to that month, so two sources' differing valuations of one round conflict rather than sit apart.
 */
export function buildClaims(figures: Figure[], referenceDates: ReadonlyMap<string, string> = new Map()): Claim[] {
  const candidates = figures
    .filter((figure) => CLAIMABLE.has(figure.metric) && figure.subject && !figure.equivalent_of)
    .sort((a, b) => compareFigures(a, b));
  const groups = new Map<string, Cluster[]>();
  for (const figure of candidates) {
    const key = `${figure.metric}\u0000${figure.subject}`;
    const clusters = groups.get(key) ?? [];
    groups.set(key, clusters);
    // A member's period incompatible with the figure's rules the cluster out: checked first, on one member, it spares
    // comparing the figure with every member of every cluster of a subject named across thousands of articles.
    const home = clusters.find(
      (cluster) => periodsCompatible(cluster.longestPeriod, figure.period) && cluster.members.every((member) => sameFact(member, figure, referenceDates))
    );
    if (!home) clusters.push({members: [figure], longestPeriod: figure.period});
    else {
      home.members.push(figure);
      if (figure.period.length > home.longestPeriod.length) home.longestPeriod = figure.period;
    }
  }
  const claims: Claim[] = [];
  for (const clusters of groups.values()) for (const cluster of clusters) claims.push(toClaim(cluster.members));
  claims.sort((a, b) => (a.claim_id < b.claim_id ? -1 : a.claim_id > b.claim_id ? 1 : 0));
  return disambiguateIds(claims);
}

interface Cluster {
  members: Figure[];
  /** The longest period a member states ("" when none is dated). */
  longestPeriod: string;
}

/** Two periods can describe the same fact when one contains the other ("2026" contains "2026-03"). */
export function periodsCompatible(a: string, b: string): boolean {
  return !a || !b || a.startsWith(b) || b.startsWith(a);
}

/**
 * Whether two figures can describe the same fact: their periods are compatible, and when either is undated, their
 * amounts agree (an undated "$830 million" joins "$830 million, March 2026"; an undated "1,000 people" does not join
 * "a team of 15 in 2023") or it is a snapshot published in the month the other is dated to.
 */
function sameFact(a: Figure, b: Figure, referenceDates: ReadonlyMap<string, string>): boolean {
  if (!periodsCompatible(a.period, b.period)) return false;
  if (a.period !== "" && b.period !== "") return true;
  if (amountsAgree(a, b, a.unit === b.unit ? SAME_UNIT_TOLERANCE : CROSS_CURRENCY_TOLERANCE)) return true;
  return SNAPSHOT.has(a.metric) && asOfMonth(a, referenceDates) === asOfMonth(b, referenceDates) && asOfMonth(a, referenceDates) !== "";
}

/** The month a figure describes: its own period when it names a month or day, else the month its document was written. */
function asOfMonth(figure: Figure, referenceDates: ReadonlyMap<string, string>): string {
  const period = figure.period || (referenceDates.get(figure.doc_id) ?? "");
  return period.length >= 7 ? period.slice(0, 7) : "";
}

function toClaim(cluster: Figure[]): Claim {
  const docIds = [...new Set(cluster.map((figure) => figure.doc_id))].sort();
  const period = cluster.map((figure) => figure.period).reduce((a, b) => (b.length > a.length ? b : a), "");
  const units = [...new Set(cluster.map((figure) => figure.unit))].sort();
  const {status, note} = judge(cluster, docIds.length);
  return {
    claim_id: [cluster[0].metric, entityId(cluster[0].subject), period || "undated"].join(":"),
    metric: cluster[0].metric,
    subject: cluster[0].subject,
    period,
    unit: units.length === 1 ? units[0] : "USD",
    values: cluster.map((figure) => (units.length === 1 ? figure.value : comparable(figure))),
    doc_ids: docIds,
    figure_ids: cluster.map((figure) => figure.figure_id),
    status,
    note
  };
}

function judge(cluster: Figure[], documents: number): {status: ClaimStatus; note: string} {
  if (documents < 2) {
    return {status: "single_source", note: cluster.length > 1 ? `stated ${cluster.length} times in one document` : ""};
  }
  const differences: string[] = [];
  const crossCurrency = new Set(cluster.map((figure) => figure.unit)).size > 1;
  const tolerance = crossCurrency ? CROSS_CURRENCY_TOLERANCE : SAME_UNIT_TOLERANCE;
  const disagreeing = pairs(cluster).filter(([a, b]) => a.doc_id !== b.doc_id && !amountsAgree(a, b, tolerance));
  // An article that repeats an amount states it once: the note lists what differs, not how often.
  const statements = [...new Set(cluster.map((figure) => `${describe(figure)} (${figure.doc_id})`))].join(" vs ");
  if (crossCurrency) {
    const sameNominal = pairs(cluster).some(([a, b]) => a.unit !== b.unit && relativeDifference(a.value, b.value) <= SAME_UNIT_TOLERANCE);
    differences.push(sameNominal ? `different currency for the same amount: ${statements}` : `stated in different currencies: ${statements}`);
  }
  if (disagreeing.length && !crossCurrency) differences.push(`different amount: ${statements}`);
  const instruments = [...new Set(cluster.map((figure) => figure.instrument).filter(Boolean))];
  if (instruments.length > 1) differences.push(`different instrument: ${instruments.map((i) => `"${i}"`).join(" versus ")}`);
  const qualifiers = [...new Set(cluster.map((figure) => figure.qualifier))];
  if (qualifiers.length > 1) differences.push(`different qualifier: ${qualifiers.join(" versus ")}`);
  const periods = [...new Set(cluster.map((figure) => figure.period || "undated"))];
  if (periods.length > 1) differences.push(`periods stated as ${periods.join(", ")}`);
  const conflicting = disagreeing.length > 0 || instruments.length > 1 || (crossCurrency && sameNominalMismatch(cluster));
  return {status: conflicting ? "conflicting" : "corroborated", note: differences.join("; ")};
}

/** "€1 billion" in one source and "$1 billion" in another: the same number, a different amount. */
function sameNominalMismatch(cluster: Figure[]): boolean {
  return pairs(cluster).some(([a, b]) => a.doc_id !== b.doc_id && a.unit !== b.unit && relativeDifference(a.value, b.value) <= SAME_UNIT_TOLERANCE);
}

function amountsAgree(a: Figure, b: Figure, tolerance: number): boolean {
  const [x, y] = [comparable(a), comparable(b)];
  if (relativeDifference(x, y) <= tolerance) return true;
  // A lower bound ("at least $3.9 billion", "over $14 billion") agrees with any larger amount.
  return (isLowerBound(a.qualifier) && y >= x * (1 - tolerance)) || (isLowerBound(b.qualifier) && x >= y * (1 - tolerance));
}

function isLowerBound(qualifier: Qualifier): boolean {
  return qualifier === "at_least" || qualifier === "over";
}

/** Money in US dollars where normalised, so amounts in different currencies compare; other units as stated. */
function comparable(figure: Figure): number {
  return figure.value_usd ?? figure.value;
}

function relativeDifference(a: number, b: number): number {
  return a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}

function describe(figure: Figure): string {
  const qualifier = figure.qualifier === "exact" ? "" : `${figure.qualifier.replace("_", " ")} `;
  return `${qualifier}${figure.text}${figure.instrument ? ` ${figure.instrument}` : ""}`.trim() || `${formatNumber(figure.value)} ${figure.unit}`;
}

function pairs<T>(items: T[]): [T, T][] {
  const result: [T, T][] = [];
  for (let i = 0; i < items.length; ++i) for (let j = i + 1; j < items.length; ++j) result.push([items[i], items[j]]);
  return result;
}

function compareFigures(a: Figure, b: Figure): number {
  return a.doc_id < b.doc_id ? -1 : a.doc_id > b.doc_id ? 1 : a.start - b.start;
}

/** Two claims about the same metric, subject and period (different amounts in separate clusters) get -2, -3… */
function disambiguateIds(claims: Claim[]): Claim[] {
  const seen = new Map<string, number>();
  return claims.map((claim) => {
    const n = (seen.get(claim.claim_id) ?? 0) + 1;
    seen.set(claim.claim_id, n);
    return n === 1 ? claim : {...claim, claim_id: `${claim.claim_id}-${n}`};
  });
}
