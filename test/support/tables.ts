import {type TableChunks, tableText} from "../../data-loaders/tables/csv.ts";

/** Every table as one string, to parse or compare whole. */
export function tablesText<K extends string>(tables: Record<K, TableChunks>): Record<K, string> {
  return Object.fromEntries(Object.entries<TableChunks>(tables).map(([name, chunks]) => [name, tableText(chunks)])) as Record<K, string>;
}
