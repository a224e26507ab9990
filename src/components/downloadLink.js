import {csvFormat} from "npm:d3-dsv";
import {html} from "npm:htl";

/**
 * A link that downloads `rows` as CSV, for the data under a chart. Give `columns` so an empty selection still
 * downloads a header row. Cells follow the workspace's tables (docs/data-dictionary.md): lists joined with "|", and
 * text starting with = + - @, a tab or a carriage return prefixed with an apostrophe, so a spreadsheet shows it as text
 * instead of running it as a formula. Numbers are left alone: a negative number is a number, not a formula.
 */
export function downloadLink(rows, {filename = "data.csv", label = "Download the data (CSV)", columns} = {}) {
  const csv = csvFormat(rows.map(spreadsheetSafe), columns);
  const href = URL.createObjectURL(new Blob([csv], {type: "text/csv;charset=utf-8"}));
  return html`<p class="download"><a download=${filename} href=${href}>${label}</a></p>`;
}

function spreadsheetSafe(row) {
  return Object.fromEntries(Object.entries(row).map(([column, value]) => [column, safeCell(value)]));
}

function safeCell(value) {
  if (Array.isArray(value)) return safeCell(value.join("|"));
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
