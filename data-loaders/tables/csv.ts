import {csvFormatRows} from "d3-dsv";

export type Cell = string | number | null | undefined | string[] | number[];

export interface Column<T> {
  name: string;
  /** Number cells are written as plain decimals and never neutralised; list cells are joined with "|". */
  type: "text" | "number" | "list";
  get: (row: T) => Cell;
}

/** Separator of multi-valued cells. */
export const LIST_SEPARATOR = "|";

/**
 * A table as pieces to be written one after another, each ending at the end of a row: no single string holds it all.
 * A piece is text, or text already encoded as UTF-8 (the rows kept in the cache, written out without being decoded).
 */
export type TableChunks = (string | Uint8Array)[];

/** Rows per chunk: large enough that writing a chunk is worth a call, small enough that none is a large allocation. */
const CHUNK_ROWS = 4096;

const UTF8_DECODER = new TextDecoder();
const UTF8_ENCODER = new TextEncoder();

export function chunkText(chunk: string | Uint8Array): string {
  return typeof chunk === "string" ? chunk : UTF8_DECODER.decode(chunk);
}

export function tableText(chunks: TableChunks): string {
  return chunks.map(chunkText).join("");
}

/** A table as one run of UTF-8 bytes. */
export function tableBytes(chunks: TableChunks): Uint8Array {
  return Buffer.concat(chunks.map((chunk) => (typeof chunk === "string" ? UTF8_ENCODER.encode(chunk) : chunk)));
}


/**
 * RFC 4180 CSV with a header row. Text that a spreadsheet would run as a formula (a cell starting with =, +, -, @,
 * tab or carriage return) is prefixed with an apostrophe, the convention spreadsheets themselves use for "this is
 * text"; number columns are left as numbers.
 */
export function formatChunks<T>(rows: readonly T[], columns: readonly Column<T>[]): TableChunks {
  const chunks: TableChunks = [formatHeader(columns)];
  // Encoded at once: the text of a table of figures or claims is held until it is written, and one "€" in a chunk
  // makes V8 keep the whole chunk as UTF-16, twice the bytes.
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) chunks.push(UTF8_ENCODER.encode(formatRows(rows.slice(start, start + CHUNK_ROWS), columns)));
  return chunks;
}

export function formatHeader(columns: readonly Column<never>[]): string {
  return csvFormatRows([columns.map((column) => column.name)]) + "\n";
}

/** The rows alone, each ending in a line break, so the rows of several documents can be joined into one table. */
export function formatRows<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  if (!rows.length) return "";
  return csvFormatRows(rows.map((row) => columns.map((column) => formatCell(column.get(row), column.type)))) + "\n";
}

export function formatCell(value: Cell, type: Column<unknown>["type"]): string {
  if (value == null) return "";
  if (type === "number") return typeof value === "number" ? formatNumber(value) : "";
  if (type === "list") return neutraliseFormula((value as (string | number)[]).map(String).join(LIST_SEPARATOR));
  return neutraliseFormula(String(value));
}

// One formatter for every cell: toLocaleString would build a new one per call, which dominated writing large tables.
const DECIMAL = new Intl.NumberFormat("en-US", {useGrouping: false, maximumFractionDigits: 6});

/** A plain decimal: no exponent, no thousands separator, at most six decimals. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return "";
  return Number.isSafeInteger(value) ? String(value) : DECIMAL.format(value);
}

export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
