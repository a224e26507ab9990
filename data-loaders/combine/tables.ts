/** The cross-document stage: entities, currency normalisation and claims, then every table as CSV. */
import type {PackedDocument, StoredDocument} from "../tables/documentTables.ts";
import {formatCsv, formatHeader} from "../tables/csv.ts";
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
import type {Figure, Mention, Problem} from "../types.ts";
import {buildClaims} from "./claims.ts";
import {normaliseMoney} from "./currency.ts";
import {combineEntities} from "./entities.ts";

/** One document with everything found in it, for its reader page: text as sentences, figures and named entities. */
export interface ReaderDocument {
  document: DocumentRow;
  sentences: SentenceRow[];
  figures: Figure[];
  mentions: (Mention & {entity_name: string})[];
}

export interface CombinedTables {
  tables: Record<TableName, string>;
  /** Rewrites a document's stored extraction into its reader page's data, with the corpus-wide ids and conversions. */
  reader: (stored: StoredDocument) => ReaderDocument;
}

/** Every table from the documents' packed shares, in doc_id order whatever order they come in. */
export function combineDocuments(packed: PackedDocument[], problems: Problem[]): CombinedTables {
  const sorted = [...packed].sort((a, b) => compare(a.row.doc_id, b.row.doc_id));
  const {entities, mentionEntityIds} = combineEntities(sorted.map((document) => document.mentions));
  const canonical = (entityId: string) => mentionEntityIds.get(entityId) ?? entityId;
  const mentions = sorted.flatMap((document) => document.mentions).map((mention) => ({...mention, entity_id: canonical(mention.entity_id)}));
  const events = sorted.flatMap((document) => document.events).map((event) => ({...event, entities: [...new Set(event.entities.map(canonical))]}));
  const figures = normaliseMoney(sorted.flatMap((document) => document.figures));
  const documentRows = sorted.map((document) => document.row);
  const referenceDates = new Map(documentRows.map((row) => [row.doc_id, row.reference_date]));
  const sortedProblems = [...problems].sort((a, b) => compare(a.file, b.file) || compare(a.problem, b.problem));
  const tables = {
    "documents.csv": formatCsv(documentRows, documentColumns),
    "sentences.csv": formatHeader(sentenceColumns) + sorted.map((document) => document.sentences).join(""),
    "figures.csv": formatCsv(figures, figureColumns),
    "entities.csv": formatCsv(entities, entityColumns),
    "mentions.csv": formatCsv(mentions, mentionColumns),
    "events.csv": formatCsv(events, eventColumns),
    "layers.csv": formatHeader(layerColumns) + sorted.map((document) => document.layers).join(""),
    "claims.csv": formatCsv(buildClaims(figures, referenceDates), claimColumns),
    "problems.csv": formatCsv(sortedProblems, problemColumns)
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

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
