/** The cross-document stage: entities, currency normalisation and claims, then every table as CSV. */
import {csvFormatRows, csvParseRows} from "d3-dsv";
import type {PackedDocument, StoredDocument} from "../tables/documentTables.ts";
import {chunkText, formatCell, formatChunks, formatHeader, type TableChunks} from "../tables/csv.ts";
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
  /** Rows of each table, not counting its header. */
  rows: Record<TableName, number>;
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
  const total = (table: keyof PackedDocument["rows"]) => sorted.reduce((sum, document) => sum + document.rows[table], 0);
  const rows: Record<TableName, number> = {
    "documents.csv": sorted.length,
    "sentences.csv": total("sentences"),
    "figures.csv": figures.length,
    "entities.csv": entities.length,
    "mentions.csv": total("mentions"),
    "events.csv": total("events"),
    "layers.csv": total("layers"),
    "claims.csv": claims.length,
    "problems.csv": sortedProblems.length
  };

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

  // Indexed on the first reader page asked for: the command line asks for none.
  let index: {entityNames: Map<string, string>; figuresById: Map<string, Figure>} | null = null;
  const reader = ({row, sentences, figures: stored, mentions}: StoredDocument): ReaderDocument => {
    index ??= {
      entityNames: new Map(entities.map((entity) => [entity.entity_id, entity.name])),
      figuresById: new Map(figures.map((figure) => [figure.figure_id, figure]))
    };
    const {entityNames, figuresById} = index;
    return {
      document: row,
      sentences,
      figures: stored.map((figure) => figuresById.get(figure.figure_id) ?? figure),
      mentions: mentions.map((mention) => {
        const entity_id = canonical(mention.entity_id);
        return {...mention, entity_id, entity_name: entityNames.get(entity_id) ?? mention.name};
      })
    };
  };
  return {tables, rows, pageTables, sample, reader};
}

/** A document's rows as the corpus-wide tables write them. */
type DocumentRows = Pick<PackedDocument, "row" | "sentences" | "layers" | "mentions" | "events" | "rows">;

/** The document's packed rows, with its entity ids rewritten where the corpus merged one of its entities. */
function canonicalRows(document: PackedDocument, canonical: (id: string) => string): DocumentRows {
  const {row, sentences, layers, mentions, events, rows} = document;
  if (!document.entities.some(({id}) => canonical(id) !== id)) return {row, sentences, layers, mentions, events, rows};
  return {
    row,
    sentences,
    layers,
    rows,
    mentions: rewriteColumn(mentions, MENTION_ENTITY, (cell) => formatCell(canonical(cell), "text")),
    events: rewriteColumn(events, EVENT_ENTITIES, canonicalList(canonical))
  };
}

/** The tables of a set of documents, in the order given, and of the figures, entities and claims that go with them. */
function tableSet(documents: DocumentRows[], figures: Figure[], entities: Entity[], claims: Claim[]): Record<Exclude<TableName, "problems.csv">, TableChunks> {
  const pieces = (header: string, rows: (document: DocumentRows) => Uint8Array) => [header, ...documents.map(rows)];
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

const UTF8 = new TextEncoder();

/**
 * Rewrites one column of encoded CSV rows. Parsing and writing again leaves every other cell as it was: numbers are
 * written back as read, and a text cell the first writing neutralised starts with an apostrophe, which is not
 * neutralised again.
 */
function rewriteColumn(rows: Uint8Array, column: number, rewrite: (cell: string) => string): Uint8Array {
  if (!rows.length) return rows;
  const cells = csvParseRows(chunkText(rows)).map((row) => row.map((cell, i) => (i === column ? rewrite(cell) : cell)));
  return UTF8.encode(csvFormatRows(cells) + "\n");
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
