/** Scores extracted tables against hand annotations (test/fixtures/gold): precision, recall, attribute accuracy. */
import {csvParse} from "d3-dsv";
import {readFile, readdir} from "node:fs/promises";
import {join} from "node:path";
import {discoverCorpus} from "../../data-loaders/corpus/discover.ts";
import {readDocument} from "../../data-loaders/corpus/read.ts";
import {runPipeline} from "../../data-loaders/pipeline.ts";
import {tablesText} from "../support/tables.ts";
import type {TableName} from "../../data-loaders/tables/schema.ts";

export interface GoldFigure {
  text: string;
  occurrence?: number;
  value: number;
  unit: string;
  metric: string;
  qualifier?: string;
}
export interface GoldEntity {
  name: string;
  type: string;
  aliases?: string[];
}
export interface GoldEvent {
  date: string;
  kind: string;
}
export interface GoldDocument {
  doc_id: string;
  figures: GoldFigure[];
  entities: GoldEntity[];
  events: GoldEvent[];
}

export interface Score {
  gold: number;
  predicted: number;
  matched: number;
  precision: number;
  recall: number;
}

export interface Evaluation {
  figures: Score & {valueAccuracy: number; unitAccuracy: number; metricAccuracy: number; qualifierAccuracy: number};
  entities: Score & {typeAccuracy: number};
  events: Score;
  /** Per-document misses and false positives, for reading what went wrong. */
  errors: string[];
}

export async function readGold(dir: string): Promise<GoldDocument[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(".json")).sort();
  return Promise.all(names.map(async (name) => JSON.parse(await readFile(join(dir, name), "utf8")) as GoldDocument));
}

/** Runs the pipeline over a corpus (no cache) and scores the documents that have gold annotations. */
export async function evaluateCorpus(corpus: string, gold: GoldDocument[]): Promise<Evaluation> {
  const {tables} = await runPipeline({corpus});
  const texts = new Map<string, string>();
  for (const file of (await discoverCorpus(corpus)).files) {
    const document = await readDocument(file);
    if (!("problem" in document)) texts.set(document.doc_id, document.text);
  }
  return scoreTables(tablesText(tables), gold, texts);
}

type Row = Record<string, string>;

export function scoreTables(tables: Record<TableName, string>, gold: GoldDocument[], texts: Map<string, string>): Evaluation {
  const figures = csvParse(tables["figures.csv"]) as unknown as Row[];
  const entities = csvParse(tables["entities.csv"]) as unknown as Row[];
  const events = csvParse(tables["events.csv"]) as unknown as Row[];
  const errors: string[] = [];
  const figureTally = {gold: 0, predicted: 0, matched: 0, value: 0, unit: 0, metric: 0, qualifier: 0};
  const entityTally = {gold: 0, predicted: 0, matched: 0, truePredicted: 0, type: 0};
  const eventTally = {gold: 0, predicted: 0, matched: 0, truePredicted: 0};

  for (const document of gold) {
    const text = texts.get(document.doc_id);
    if (text === undefined) throw new Error(`gold document ${document.doc_id} is not in the corpus`);

    const predictedFigures = figures.filter((row) => row.doc_id === document.doc_id);
    const used = new Set<Row>();
    figureTally.gold += document.figures.length;
    figureTally.predicted += predictedFigures.length;
    for (const expected of document.figures) {
      const span = locate(text, expected.text, expected.occurrence ?? 1);
      if (!span) throw new Error(`${document.doc_id}: gold figure "${expected.text}" is not in the text`);
      const found = predictedFigures.find((row) => !used.has(row) && +row.start < span.end && +row.end > span.start);
      if (!found) {
        errors.push(`${document.doc_id}: missed figure "${expected.text}"`);
        continue;
      }
      used.add(found);
      figureTally.matched += 1;
      if (Math.abs(+found.value - expected.value) <= Math.abs(expected.value) * 1e-9) figureTally.value += 1;
      else errors.push(`${document.doc_id}: "${expected.text}" value ${found.value}, expected ${expected.value}`);
      if (found.unit === expected.unit) figureTally.unit += 1;
      else errors.push(`${document.doc_id}: "${expected.text}" unit ${found.unit}, expected ${expected.unit}`);
      if (found.metric === expected.metric) figureTally.metric += 1;
      else errors.push(`${document.doc_id}: "${expected.text}" metric ${found.metric}, expected ${expected.metric}`);
      if (found.qualifier === (expected.qualifier ?? "exact")) figureTally.qualifier += 1;
      else errors.push(`${document.doc_id}: "${expected.text}" qualifier ${found.qualifier}, expected ${expected.qualifier ?? "exact"}`);
    }
    for (const row of predictedFigures) if (!used.has(row)) errors.push(`${document.doc_id}: spurious figure "${row.text}"`);

    const names = (entity: GoldEntity) => [entity.name, ...(entity.aliases ?? [])].map(normaliseName);
    const predictedEntities = entities.filter((row) => row.documents.split("|").includes(document.doc_id));
    const predictedNames = (row: Row) => [row.name, ...(row.aliases ? row.aliases.split("|") : [])].map(normaliseName);
    entityTally.gold += document.entities.length;
    entityTally.predicted += predictedEntities.length;
    for (const expected of document.entities) {
      const found = predictedEntities.find((row) => predictedNames(row).some((name) => names(expected).includes(name)));
      if (!found) {
        errors.push(`${document.doc_id}: missed entity "${expected.name}"`);
        continue;
      }
      entityTally.matched += 1;
      if (found.type === expected.type) entityTally.type += 1;
      else errors.push(`${document.doc_id}: entity "${expected.name}" typed ${found.type}, expected ${expected.type}`);
    }
    const goldNames = new Set(document.entities.flatMap(names));
    for (const row of predictedEntities) {
      if (predictedNames(row).some((name) => goldNames.has(name))) entityTally.truePredicted += 1;
      else errors.push(`${document.doc_id}: spurious entity "${row.name}" (${row.type})`);
    }

    const predictedEvents = events.filter((row) => row.doc_id === document.doc_id);
    eventTally.gold += document.events.length;
    eventTally.predicted += predictedEvents.length;
    const sameEvent = (row: Row, expected: GoldEvent) => row.kind === expected.kind && row.date === expected.date;
    for (const expected of document.events) {
      if (predictedEvents.some((row) => sameEvent(row, expected))) eventTally.matched += 1;
      else errors.push(`${document.doc_id}: missed event ${expected.kind} ${expected.date}`);
    }
    for (const row of predictedEvents) {
      if (document.events.some((expected) => sameEvent(row, expected))) eventTally.truePredicted += 1;
      else errors.push(`${document.doc_id}: spurious event ${row.kind} ${row.date} "${row.summary.slice(0, 60)}…"`);
    }
  }

  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    figures: {
      gold: figureTally.gold,
      predicted: figureTally.predicted,
      matched: figureTally.matched,
      precision: ratio(figureTally.matched, figureTally.predicted),
      recall: ratio(figureTally.matched, figureTally.gold),
      valueAccuracy: ratio(figureTally.value, figureTally.matched),
      unitAccuracy: ratio(figureTally.unit, figureTally.matched),
      metricAccuracy: ratio(figureTally.metric, figureTally.matched),
      qualifierAccuracy: ratio(figureTally.qualifier, figureTally.matched)
    },
    entities: {
      gold: entityTally.gold,
      predicted: entityTally.predicted,
      matched: entityTally.matched,
      precision: ratio(entityTally.truePredicted, entityTally.predicted),
      recall: ratio(entityTally.matched, entityTally.gold),
      typeAccuracy: ratio(entityTally.type, entityTally.matched)
    },
    events: {
      gold: eventTally.gold,
      predicted: eventTally.predicted,
      matched: eventTally.matched,
      precision: ratio(eventTally.truePredicted, eventTally.predicted),
      recall: ratio(eventTally.matched, eventTally.gold)
    },
    errors
  };
}

function locate(text: string, needle: string, occurrence: number): {start: number; end: number} | null {
  let start = -1;
  for (let i = 0; i < occurrence; ++i) {
    start = text.indexOf(needle, start + 1);
    if (start < 0) return null;
  }
  return {start, end: start + needle.length};
}

function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, " ").trim();
}
