/** Choosing rows for prose: pure functions over the tables' rows. */

/** The organisation the corpus is mostly about: the one with the most mentions. */
export function focusOrganization(entities) {
  return entities.filter((e) => e.type === "organization").sort((a, b) => b.mentions - a.mentions)[0]?.name ?? null;
}

/** Primary figures only: a conversion printed beside an amount ("about $1.17 billion") is not a second amount. */
export function primaryFigures(figures) {
  return figures.filter((f) => !f.equivalent_of);
}

/** The most recent figure of a metric about a subject: latest period first, then the latest document. */
export function latestFigure(figures, metric, subject) {
  return primaryFigures(figures)
    .filter((f) => f.metric === metric && (!subject || f.subject === subject))
    .sort((a, b) => comparePeriods(b.period, a.period) || (b.doc_id > a.doc_id ? 1 : b.doc_id < a.doc_id ? -1 : 0))[0];
}

/** Periods compare as strings once undated ones sort first ("" < "2025" < "2025-09" < "2026"). */
export function comparePeriods(a, b) {
  return (a ?? "") < (b ?? "") ? -1 : (a ?? "") > (b ?? "") ? 1 : 0;
}

/** The largest figure of a metric about a subject (a corpus may report several totals; the largest is the latest). */
export function largestFigure(figures, metric, subject) {
  return primaryFigures(figures)
    .filter((f) => f.metric === metric && (!subject || f.subject === subject))
    .sort((a, b) => (b.value_usd ?? b.value) - (a.value_usd ?? a.value))[0];
}

/**
 * One row per metric, period and amount in `column` (value_eur or value_usd), for a chart: articles repeat an amount
 * ("valued at €11.7 billion"), and one dot per statement would stack them on one spot. Each row is the first figure
 * stating the amount, with `amount`, `converted` (stated in another currency than `currency`) and `articles`, the
 * number of articles that state it.
 */
export function distinctAmounts(figures, column, currency) {
  const points = new Map();
  for (const figure of figures) {
    const converted = figure.unit !== currency;
    const key = `${figure.metric}\u0000${figure.period}\u0000${figure[column]}\u0000${converted}`;
    const point = points.get(key);
    if (point) point.sources.add(figure.doc_id);
    else points.set(key, {...figure, amount: figure[column], converted, sources: new Set([figure.doc_id])});
  }
  return Array.from(points.values(), ({sources, ...point}) => ({...point, articles: sources.size}));
}

/**
 * The ids a chart has room for: every id of `order` when there are at most `limit`, else the `limit` ids with the
 * largest `counts` (ties to the earlier in `order`), kept in the order of `order`.
 */
export function mostCounted(counts, order, limit) {
  if (order.length <= limit) return [...order];
  const position = new Map(order.map((id, i) => [id, i]));
  return [...counts.keys()]
    .filter((id) => position.has(id))
    .sort((a, b) => counts.get(b) - counts.get(a) || position.get(a) - position.get(b))
    .slice(0, limit)
    .sort((a, b) => position.get(a) - position.get(b));
}
