/** The cross-document stage: entities, currency normalisation and claims, then every table as CSV. */
import {csvFormatRows, csvParseRows} from "d3-dsv";
import type {PackedDocument, StoredDocument} from "../tables/documentTables.ts";
import {formatCell, formatChunks, formatHeader, type TableChunks} from "../tables/csv.ts";
import {
  claimColumns,
  documentColumns,
  entityColumns,
  eventColumns,
  figureColumns,
  layerColumns,
  mentionColumns,
  problemColumns,
  sentenceColumns,
  type DocumentRow,
  type SentenceRow,
  type TableName
} from "../tables/schema.ts";
import {LIST_SEPARATOR} from "../tables/csv.ts";
import type {Figure, Mention, Problem} from "../types.ts";
import {buildClaims} from "./claims.ts";
import {normaliseMoney} from "./currency.ts";
import {combineTallies} from "./entities.ts";

/** One document with everything found in it, for its reader page: text as sentences, figures and named entities. */
export interface ReaderDocument {
  document: DocumentRow;
  sentences: SentenceRow[];
  figures: Figure[];
  mentions: (Mention & {entity_name: string})[];
}

export interface CombinedTables {
  tables: Record<TableName, TableChunks>;
  /** Rewrites a document's stored extraction into its reader page's data, with the corpus-wide ids and conversions. */
  reader: (stored: StoredDocument) => ReaderDocument;
}

/**
 * Every table from the documents' packed shares, in doc_id order whatever order they come in. Rows written when
 * their document was extracted are reused as they are, unless the corpus merged one of the document's entities into
 * another (a surname alone into the full name another article gives), which rewrites that document's entity ids.
 */
export function combineDocuments(packed: PackedDocument[], problems: Problem[]): CombinedTables {
  const sorted = [...packed].sort((a, b) => compare(a.row.doc_id, b.row.doc_id));
  const {entities, mentionEntityIds} = combineTallies(sorted.map((document) => document.entities));
  const canonical = (entityId: string) => mentionEntityIds.get(entityId) ?? entityId;
  const merged = (document: PackedDocument) => document.entities.some(({id}) => canonical(id) !== id);
  const figures = normaliseMoney(sorted.flatMap((document) => document.figures));
  const documentRows = sorted.map((document) => document.row);
  const referenceDates = new Map(documentRows.map((row) => [row.doc_id, row.reference_date]));
  const sortedProblems = [...problems].sort((a, b) => compare(a.file, b.file) || compare(a.problem, b.problem));
  const tables: Record<TableName, TableChunks> = {
    "documents.csv": formatChunks(documentRows, documentColumns),
    "sentences.csv": [formatHeader(sentenceColumns), ...sorted.map((document) => document.sentences)],
    "figures.csv": formatChunks(figures, figureColumns),
    "entities.csv": formatChunks(entities, entityColumns),
    "mentions.csv": [formatHeader(mentionColumns), ...sorted.map((document) => (merged(document) ? rewriteColumn(document.mentions, MENTION_ENTITY, (cell) => formatCell(canonical(cell), "text")) : document.mentions))],
    "events.csv": [formatHeader(eventColumns), ...sorted.map((document) => (merged(document) ? rewriteColumn(document.events, EVENT_ENTITIES, canonicalList(canonical)) : document.events))],
    "layers.csv": [formatHeader(layerColumns), ...sorted.map((document) => document.layers)],
    "claims.csv": formatChunks(buildClaims(figures, referenceDates), claimColumns),
    "problems.csv": formatChunks(sortedProblems, problemColumns)
  };
  const entityNames = new Map(entities.map((entity) => [entity.entity_id, entity.name]));
  const figuresById = new Map(figures.map((figure) => [figure.figure_id, figure]));
  const reader = ({row, sentences, figures, mentions}: StoredDocument): ReaderDocument => ({
    document: row,
    sentences,
    figures: figures.map((figure) => figuresById.get(figure.figure_id) ?? figure),
    mentions: mentions.map((mention) => {
      const entity_id = canonical(mention.entity_id);
      return {...mention, entity_id, entity_name: entityNames.get(entity_id) ?? mention.name};
    })
  });
  return {tables, reader};
}

const MENTION_ENTITY = mentionColumns.findIndex((column) => column.name === "entity_id");
const EVENT_ENTITIES = eventColumns.findIndex((column) => column.name === "entities");

/** The same ids, canonical and without repeats, as a list cell. */
function canonicalList(canonical: (id: string) => string): (cell: string) => string {
  return (cell) => formatCell([...new Set(cell.split(LIST_SEPARATOR).map(canonical))], "list");
}

/**
 * Rewrites one column of CSV rows. Parsing and writing again leaves every other cell as it was: numbers are written
 * back as read, and a text cell the first writing neutralised starts with an apostrophe, which is not neutralised again.
 */
function rewriteColumn(rows: string, column: number, rewrite: (cell: string) => string): string {
  if (!rows) return rows;
  return csvFormatRows(csvParseRows(rows).map((cells) => cells.map((cell, i) => (i === column ? rewrite(cell) : cell)))) + "\n";
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
