import {mostCounted} from "./select.js";

/** Claims in reading order: those the most articles state first, then the most recent period, then by id. */
export function rankClaims(claims) {
  return [...claims].sort(
    (a, b) =>
      sourceCount(b) - sourceCount(a) ||
      String(b.period ?? "").localeCompare(String(a.period ?? "")) ||
      String(a.claim_id).localeCompare(String(b.claim_id))
  );
}

/**
 * A claim's figures, one per article and amount: an article that repeats an amount is cited once for it, and an
 * article that gives two different amounts is cited for each.
 */
export function claimFigures(claim, figuresById) {
  const seen = new Set();
  const figures = [];
  for (const id of String(claim.figure_ids).split("|")) {
    const figure = figuresById.get(id);
    if (!figure) continue;
    const key = `${figure.doc_id}\u0000${figure.value}\u0000${figure.unit}`;
    if (seen.has(key)) continue;
    seen.add(key);
    figures.push(figure);
  }
  return figures;
}

/**
 * The part of the claims matrix a page can draw: the `claims` most-stated claims and, as columns, every article when
 * there are at most `sources` of them, else the `sources` articles that state the most shown claims; columns keep the
 * order of `documentIds`.
 */
export function matrixSlice(claims, documentIds, {claims: claimLimit = 30, sources: sourceLimit = 40} = {}) {
  const shownClaims = rankClaims(claims).slice(0, claimLimit);
  const stated = new Map();
  for (const claim of shownClaims) {
    for (const id of String(claim.doc_ids).split("|")) stated.set(id, (stated.get(id) ?? 0) + 1);
  }
  return {claims: shownClaims, sources: mostCounted(stated, documentIds, sourceLimit)};
}

/** How many articles state a claim. */
function sourceCount(claim) {
  return claim.doc_ids ? String(claim.doc_ids).split("|").length : 0;
}
