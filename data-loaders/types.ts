/** The shapes that cross module boundaries: a read document, its per-document extraction, and the tables. */

export interface DocumentMetadata {
  title: string;
  outlet: string;
  url: string;
  /** ISO date (YYYY-MM-DD), or "" when unknown. */
  published: string;
}

/** A corpus file read and reduced to plain text. Offsets everywhere are UTF-16 offsets into `text`. */
export interface SourceDocument extends DocumentMetadata {
  doc_id: string;
  /** Path relative to the corpus root, with "/" separators. */
  file: string;
  text: string;
  /** SHA-256 of the file's bytes as stored. */
  sha256: string;
}

export interface Sentence {
  sentence_id: string;
  doc_id: string;
  index: number;
  start: number;
  end: number;
  text: string;
}

export type MoneyUnit = "EUR" | "USD" | "GBP" | "CHF";
export type QuantityUnit =
  | "employees"
  | "gpus"
  | "mw"
  | "gw"
  | "downloads"
  | "users"
  | "parameters"
  | "percent"
  | "words_per_second"
  | "count";
export type Unit = MoneyUnit | QuantityUnit;

export type Metric =
  | "funding_round"
  | "funding_total"
  | "valuation"
  | "revenue"
  | "revenue_target"
  | "arr"
  | "debt"
  | "equity"
  | "investment"
  | "capex"
  | "employees"
  | "gpus"
  | "power"
  | "downloads"
  | "users"
  | "other";

export type Qualifier = "exact" | "about" | "at_least" | "over" | "up_to" | "target";

export interface Figure {
  figure_id: string;
  doc_id: string;
  sentence_id: string;
  start: number;
  end: number;
  text: string;
  value: number;
  unit: Unit;
  metric: Metric;
  qualifier: Qualifier;
  subject: string;
  period: string;
  value_usd: number | null;
  value_eur: number | null;
  equivalent_of: string;
  /** The financing instrument the sentence names ("debt", "debt and equity"), when it names one. */
  instrument: string;
}

export type EntityType = "organization" | "person" | "product" | "place";

export interface Mention {
  doc_id: string;
  sentence_id: string;
  entity_id: string;
  start: number;
  end: number;
  text: string;
  /** The canonical name and type this mention resolved to, used to combine entities across documents. */
  name: string;
  type: EntityType;
}

export interface Entity {
  entity_id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  documents: string[];
  mentions: number;
}

export type DatePrecision = "day" | "month" | "quarter" | "year";

export type EventKind =
  | "funding"
  | "product_launch"
  | "rename"
  | "acquisition"
  | "partnership"
  | "conference"
  | "data_centre"
  | "customer";

export interface Event {
  event_id: string;
  date: string;
  date_precision: DatePrecision;
  kind: EventKind;
  doc_id: string;
  sentence_id: string;
  start: number;
  end: number;
  summary: string;
  entities: string[];
}

export type Layer =
  | "energy"
  | "compute"
  | "models"
  | "platform"
  | "applications"
  | "go_to_market"
  | "sovereignty"
  | "finance";

export interface LayerTag {
  doc_id: string;
  sentence_id: string;
  layer: Layer;
  cues: string[];
}

export type ClaimStatus = "corroborated" | "conflicting" | "single_source";

export interface Claim {
  claim_id: string;
  metric: Metric;
  subject: string;
  period: string;
  unit: Unit;
  values: number[];
  doc_ids: string[];
  figure_ids: string[];
  status: ClaimStatus;
  note: string;
}

export interface Problem {
  file: string;
  problem: ProblemKind;
  detail: string;
}

export type ProblemKind =
  | "empty"
  | "binary"
  | "invalid_utf8"
  | "too_large"
  | "bad_front_matter"
  | "duplicate"
  | "not_english"
  | "no_article_text"
  | "unreadable"
  | "bad_metadata";

/** Language of a document: an ISO 639-1 code, or "und" when too little text to tell. */
export type Language = string;

/** Everything extracted from one document: a pure function of its text, metadata and the extractor version. */
export interface DocumentExtraction {
  document: SourceDocument;
  language: Language;
  words: number;
  sentences: Sentence[];
  figures: Figure[];
  mentions: Mention[];
  events: Event[];
  layers: LayerTag[];
}
