import type {Claim, Entity, Event, Figure, LayerTag, Mention, Problem, Sentence} from "../types.ts";
import type {Column} from "./csv.ts";

/** One row of documents.csv: a document's metadata and what reading it found. */
export interface DocumentRow {
  doc_id: string;
  file: string;
  title: string;
  outlet: string;
  url: string;
  published: string;
  language: string;
  words: number;
  sentences: number;
  sha256: string;
  /** The date relative expressions ("last year") resolve against: `published`, else the latest date in the text. */
  reference_date: string;
  /** The path segment of the document's reader page, /sources/<slug>. */
  slug: string;
}

const text = <T>(name: keyof T & string): Column<T> => ({name, type: "text", get: (row) => row[name] as string});
const number = <T>(name: keyof T & string): Column<T> => ({name, type: "number", get: (row) => row[name] as number});
const list = <T>(name: keyof T & string): Column<T> => ({name, type: "list", get: (row) => row[name] as string[]});

export const documentColumns: Column<DocumentRow>[] = [
  text("doc_id"), text("file"), text("title"), text("outlet"), text("url"), text("published"), text("language"),
  number("words"), number("sentences"), text("sha256"), text("reference_date"),
  text("slug")
];

/** A sentence and the paragraph (line block) it belongs to, so a reader can lay the text out again. */
export interface SentenceRow extends Sentence {
  paragraph: number;
}

export const sentenceColumns: Column<SentenceRow>[] = [
  text("sentence_id"), text("doc_id"), number("index"), number("start"), number("end"), text("text"), number("paragraph")
];

export const figureColumns: Column<Figure>[] = [
  text("figure_id"), text("doc_id"), text("sentence_id"), number("start"), number("end"), text("text"), number("value"),
  text("unit"), text("metric"), text("qualifier"), text("subject"), text("period"), number("value_usd"),
  number("value_eur"), text("equivalent_of"), text("instrument")
];

export const entityColumns: Column<Entity>[] = [
  text("entity_id"), text("name"), text("type"), list("aliases"), list("documents"), number("mentions")
];

export const mentionColumns: Column<Mention>[] = [
  text("doc_id"), text("sentence_id"), text("entity_id"), number("start"), number("end"), text("text")
];

export const eventColumns: Column<Event>[] = [
  text("event_id"), text("date"), text("date_precision"), text("kind"), text("doc_id"), text("sentence_id"),
  text("summary"), list("entities"), number("start"), number("end")
];

export const layerColumns: Column<LayerTag>[] = [text("doc_id"), text("sentence_id"), text("layer"), list("cues")];

export const claimColumns: Column<Claim>[] = [
  text("claim_id"), text("metric"), text("subject"), text("period"), text("unit"), list("values"), list("doc_ids"),
  list("figure_ids"), text("status"), text("note")
];

export const problemColumns: Column<Problem>[] = [text("file"), text("problem"), text("detail")];

/** Every table the loaders write, by file name. */
export const TABLE_NAMES = [
  "documents.csv", "sentences.csv", "figures.csv", "entities.csv", "mentions.csv", "events.csv", "layers.csv",
  "claims.csv", "problems.csv"
] as const;

export type TableName = (typeof TABLE_NAMES)[number];

/** The tables the analysis pages load: the corpus's tables over the page sample (combine/pageSample.ts), problems excepted. */
export const PAGE_TABLE_NAMES = [
  "pages/documents.csv", "pages/sentences.csv", "pages/figures.csv", "pages/entities.csv", "pages/mentions.csv",
  "pages/events.csv", "pages/layers.csv", "pages/claims.csv"
] as const;

export type PageTableName = (typeof PAGE_TABLE_NAMES)[number];
