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
  PAGE_TABLE_NAMES,
  type PageTableName,
  type SentenceRow,
  type TableName
} from "../tables/schema.ts";
import {LIST_SEPARATOR} from "../tables/csv.ts";
import type {Claim, Entity, Figure, Mention, Problem} from "../types.ts";
import {buildClaims} from "./claims.ts";
import {normaliseMoney} from "./currency.ts";
import {combineTallies} from "./entities.ts";
import {MAX_PAGE_DOCUMENTS, type PageSample, pageSample} from "./pageSample.ts";

/** One document with everything found in it, for its reader page: text as sentences, figures and named entities. */
export interface ReaderDocument {
  document: DocumentRow;
  sentences: SentenceRow[];
  figures: Figure[];
  mentions: (Mention & {entity_name: string})[];
}

export interface CombinedTables {
  tables: Record<TableName, TableChunks>;
  pageTables: Record<PageTableName, TableChunks>;
  sample: PageSample;
  /** Rewrites a document's stored extraction into its reader page's data, with the corpus-wide ids and conversions. */
  reader: (stored: StoredDocument) => ReaderDocument;
}

/**
 * Every table from the documents' packed shares, in doc_id order whatever order they come in. Rows written when
 * their document was extracted are reused as they are, unless the corpus merged one of the document's entities into
 * another (a surname alone into the full name another article gives), which rewrites that document's entity ids.
 */
export function combineDocuments(packed: PackedDocument[], problems: Problem[], pageDocuments = MAX_PAGE_DOCUMENTS): CombinedTables {
  const sorted = [...packed].sort((a, b) => compare(a.row.doc_id, b.row.doc_id));
  const {entities, mentionEntityIds} = combineTallies(sorted.map((document) => document.entities));
  const canonical = (entityId: string) => mentionEntityIds.get(entityId) ?? entityId;
  const documents = sorted.map((document) => canonicalRows(document, canonical));
  const figures = normaliseMoney(sorted.flatMap((document) => document.figures));
  const referenceDates = new Map(sorted.map(({row}) => [row.doc_id, row.reference_date]));
  const claims = buildClaims(figures, referenceDates);
  const sortedProblems = [...problems].sort((a, b) => compare(a.file, b.file) || compare(a.problem, b.problem));
  const tables = {...tableSet(documents, figures, entities, claims), "problems.csv": formatChunks(sortedProblems, problemColumns)};

  const sample = pageSample(sorted.map(({row}) => row), entities, pageDocuments);
  const inSample = new Set(sample.documents);
  const pageSet =
    sample.documents.length === sorted.length
      ? tables
      : tableSet(
          documents.filter(({row}) => inSample.has(row.doc_id)),
          figures.filter((figure) => inSample.has(figure.doc_id)),
          entities.filter((entity) => entity.documents.some((id) => inSample.has(id))),
          claims.filter((claim) => claim.doc_ids.some((id) => inSample.has(id)))
        );
  const pageTables = Object.fromEntries(PAGE_TABLE_NAMES.map((name) => [name, pageSet[name.slice("pages/".length) as Exclude<TableName, "problems.csv">]])) as Record<PageTableName, TableChunks>;

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
  return {tables, pageTables, sample, reader};
}

/** A document's rows as the corpus-wide tables write them. */
type DocumentRows = Pick<PackedDocument, "row" | "sentences" | "layers" | "mentions" | "events">;

/** The document's packed rows, with its entity ids rewritten where the corpus merged one of its entities. */
function canonicalRows(document: PackedDocument, canonical: (id: string) => string): DocumentRows {
  const {row, sentences, layers, mentions, events} = document;
  if (!document.entities.some(({id}) => canonical(id) !== id)) return {row, sentences, layers, mentions, events};
  return {
    row,
    sentences,
    layers,
    mentions: rewriteColumn(mentions, MENTION_ENTITY, (cell) => formatCell(canonical(cell), "text")),
    events: rewriteColumn(events, EVENT_ENTITIES, canonicalList(canonical))
  };
}

/** The tables of a set of documents, in the order given, and of the figures, entities and claims that go with them. */
function tableSet(documents: DocumentRows[], figures: Figure[], entities: Entity[], claims: Claim[]): Record<Exclude<TableName, "problems.csv">, TableChunks> {
  const pieces = (header: string, rows: (document: DocumentRows) => string) => [header, ...documents.map(rows)];
  return {
    "documents.csv": formatChunks(documents.map(({row}) => row), documentColumns),
    "sentences.csv": pieces(formatHeader(sentenceColumns), (document) => document.sentences),
    "figures.csv": formatChunks(figures, figureColumns),
    "entities.csv": formatChunks(entities, entityColumns),
    "mentions.csv": pieces(formatHeader(mentionColumns), (document) => document.mentions),
    "events.csv": pieces(formatHeader(eventColumns), (document) => document.events),
    "layers.csv": pieces(formatHeader(layerColumns), (document) => document.layers),
    "claims.csv": formatChunks(claims, claimColumns)
  };
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
