/** How numbers from the tables read in prose: "€1.7 billion", "13,800 GPUs", "44 MW". */

const CURRENCY_SYMBOLS = {EUR: "€", USD: "$", GBP: "£", CHF: "CHF "};
const UNIT_LABELS = {
  employees: "people",
  gpus: "GPUs",
  mw: "MW",
  gw: "GW",
  downloads: "downloads",
  users: "users",
  parameters: "parameters",
  percent: "%",
  words_per_second: "words/s",
  count: ""
};
const QUALIFIER_WORDS = {about: "about ", at_least: "at least ", over: "over ", up_to: "up to ", target: "", exact: ""};

export function isMoney(unit) {
  return unit in CURRENCY_SYMBOLS;
}

/** A compact amount: 1700000000 EUR → "€1.7 billion". */
export function formatAmount(value, unit) {
  if (value == null || Number.isNaN(value)) return "–";
  if (isMoney(unit)) return `${CURRENCY_SYMBOLS[unit]}${scaled(value)}`;
  if (unit === "percent") return `${trim(value)}%`;
  const label = UNIT_LABELS[unit] ?? unit;
  const number = value >= 1e6 ? scaled(value) : WHOLE.format(value);
  return label ? `${number} ${label}` : number;
}

/** The amount with the source's own hedge ("at least", "over"). */
export function formatFigure({value, unit, qualifier}) {
  return `${QUALIFIER_WORDS[qualifier] ?? ""}${formatAmount(value, unit)}`;
}

function scaled(value) {
  const abs = Math.abs(value);
  if (abs >= 1e12) return `${trim(value / 1e12)} trillion`;
  if (abs >= 1e9) return `${trim(value / 1e9)} billion`;
  if (abs >= 1e6) return `${trim(value / 1e6)} million`;
  return trim(value);
}

// Formatters are made once: toLocaleString builds a new one per call, which dominated drawing a page of figures.
const WHOLE = new Intl.NumberFormat("en-US");
const TWO_DECIMALS = new Intl.NumberFormat("en-US", {maximumFractionDigits: 2});
const MONTH = new Intl.DateTimeFormat("en-GB", {timeZone: "UTC", year: "numeric", month: "long"});
const DAY = new Intl.DateTimeFormat("en-GB", {timeZone: "UTC", year: "numeric", month: "long", day: "numeric"});

function trim(x) {
  return TWO_DECIMALS.format(x);
}

/** "2026-03" → "March 2026"; "2026-Q1" → "Q1 2026"; "2026" → "2026". */
export function formatPeriod(period) {
  if (!period) return "undated";
  // A chart's tips label thousands of figures with a few hundred distinct periods, and a date format is slow.
  let label = PERIOD_LABELS.get(period);
  if (label === undefined) PERIOD_LABELS.set(period, (label = periodLabel(period)));
  return label;
}

const PERIOD_LABELS = new Map();

function periodLabel(period) {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `Q${quarter[2]} ${quarter[1]}`;
  const [year, month, day] = period.split("-").map(Number);
  if (!month) return String(year);
  return (day ? DAY : MONTH).format(new Date(Date.UTC(year, month - 1, day || 1)));
}

/** The interval a period covers, as [start, end) dates: "2026" is the whole year, "2026-Q1" three months. */
export function periodInterval(period) {
  if (!period) return null;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return [utc(+quarter[1], 3 * (quarter[2] - 1), 1), utc(+quarter[1], 3 * quarter[2], 1)];
  const [year, month, day] = period.split("-").map(Number);
  if (!month) return [utc(year, 0, 1), utc(year + 1, 0, 1)];
  if (!day) return [utc(year, month - 1, 1), utc(year, month, 1)];
  return [utc(year, month - 1, day), utc(year, month - 1, day + 1)];
}

/** The middle of a period, where a point for it is drawn. */
export function periodMidpoint(period) {
  const interval = periodInterval(period);
  return interval && new Date((+interval[0] + +interval[1]) / 2);
}

function utc(year, month, day) {
  return new Date(Date.UTC(year, month, day));
}

/** A label cut to fit an axis: "French Ministry of the Armed Forces" → "French Ministry of the…". */
export function truncate(text, length = 24) {
  return text.length > length ? `${text.slice(0, length - 2)}…` : text;
}
