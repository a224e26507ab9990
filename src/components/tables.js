import * as aq from "npm:arquero";

/**
 * The workspace's tables as the loaders write them: every column text, except the counts, offsets and amounts below,
 * which become numbers (an empty cell becomes null). Explicit, unlike `typed: true`, which would turn a period such
 * as "2026-03" into a Date and "2026" into a number within one column. Text gets back the leading character the CSV
 * guarded with an apostrophe against spreadsheet formulas, so pages show it, and link ids, as written.
 */
const NUMERIC_COLUMNS = new Set(["words", "sentences", "index", "paragraph", "start", "end", "value", "value_usd", "value_eur", "mentions"]);
const GUARDED_FORMULA = /^'(?=[=+\-@\t\r])/;

export function typeColumns(rows) {
  for (const row of rows) {
    for (const column of rows.columns ?? Object.keys(row)) {
      if (NUMERIC_COLUMNS.has(column)) row[column] = row[column] === "" ? null : +row[column];
      else row[column] = row[column].replace(GUARDED_FORMULA, "");
    }
  }
  return rows;
}

/**
 * An Arquero table of the rows, with its columns even when there are no rows: `aq.from([])` has no columns, so the
 * first filter or join on one would throw on a corpus that lacks, say, funding figures.
 */
export function toTable(rows, columns = rows.columns ?? []) {
  return rows.length ? aq.from(rows) : aq.table(Object.fromEntries(columns.map((column) => [column, []])));
}
