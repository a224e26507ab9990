/**
 * Figures: every amount of money and every counted quantity in a document, with what it measures, how sure the text
 * is, whom it is about, when, and whether it restates another figure in a second currency.
 *
 * Each step is its own module: amounts.ts (what counts as a figure), figureCues.ts (metric, qualifier, instrument),
 * subjects.ts (whom), figurePeriods.ts (when). This file runs them sentence by sentence and links conversions.
 */
import metrics from "../lexicons/metrics.json" with {type: "json"};
import type {Figure, Mention, Sentence, SourceDocument} from "../types.ts";
import {type Amount, findAmounts, MONEY_UNITS} from "./amounts.ts";
import {cueAlternation, execAll, wholeWords} from "./cuePatterns.ts";
import {type DateMatch, referenceDate, sentenceDates} from "./dates.ts";
import {findCues, instrumentOf, metricOf, qualifierOf} from "./figureCues.ts";
import {periodsOf} from "./figurePeriods.ts";
import {focusOrganization, subjectContext, subjectOf} from "./subjects.ts";

/** Every figure in a document, in text order, numbered `${doc_id}:f${n}` from 0. */
export function extractFigures(document: SourceDocument, sentences: Sentence[], mentions: Mention[]): Figure[] {
  const reference = referenceDate(document, sentences);
  const focus = focusOrganization(mentions);
  const organisations = organisationsBySentence(mentions);
  const figures: Figure[] = [];
  for (const sentence of sentences) {
    const amounts = findAmounts(sentence.text);
    if (!amounts.length) continue;
    const primaries = conversions(sentence.text, amounts);
    const cues = findCues(sentence.text, amounts, primaries.map((primary) => primary < 0));
    const periods = periodsOf(sentence.text, amounts, withPresent(sentence, sentenceDates(sentence, reference), document.published), sentence.start);
    const named = (organisations.get(sentence.sentence_id) ?? []).map((m) => ({
      start: m.start - sentence.start,
      end: m.end - sentence.start,
      name: m.name
    }));
    const context = subjectContext(sentence.text, named, focus);
    const first = figures.length;
    for (const [i, amount] of amounts.entries()) {
      const primary = primaries[i] >= 0 ? figures[first + primaries[i]] : undefined;
      if (primary) {
        figures.push(conversionOf(primary, amount, sentence, document, figures.length, qualifierOf(sentence.text, i, amounts, cues)));
        continue;
      }
      const metric = isCompared(sentence.text, amounts, i) ? figures[figures.length - 1].metric : metricOf(i, amounts, cues);
      const start = sentence.start + amount.start;
      const end = sentence.start + amount.end;
      figures.push({
        figure_id: `${document.doc_id}:f${figures.length}`,
        doc_id: document.doc_id,
        sentence_id: sentence.sentence_id,
        start,
        end,
        text: document.text.slice(start, end),
        value: amount.value,
        unit: amount.unit,
        metric,
        qualifier: qualifierOf(sentence.text, i, amounts, cues),
        subject: subjectOf(context, amount.start, amount.end, MONEY_UNITS.has(amount.unit)),
        period: periods[i],
        value_usd: null,
        value_eur: null,
        equivalent_of: "",
        instrument: instrumentOf(i, metric, cues)
      });
    }
  }
  return figures;
}

const PRESENT = wholeWords(cueAlternation(metrics.periods.present));
const ANY_PRESENT = wholeWords(cueAlternation(metrics.periods.present), "i");

/**
 * The sentence's dates, plus "now", "currently", "to date" as the publication year when the document has a
 * publication date ("the company now employs 310 people"); see lexicons/metrics.json ("periods").
 */
function withPresent(sentence: Sentence, dates: DateMatch[], published: string): DateMatch[] {
  if (!published || !ANY_PRESENT.test(sentence.text)) return dates;
  const present: DateMatch[] = execAll(PRESENT, sentence.text).map((m) => ({
    start: sentence.start + m.index,
    end: sentence.start + m.index + m[0].length,
    value: published.slice(0, 4),
    precision: "year",
    explicit: false,
    deadline: false
  }));
  return [...dates, ...present.filter((p) => !dates.some((d) => p.start < d.end && p.end > d.start))].sort((a, b) => a.start - b.start);
}

function organisationsBySentence(mentions: Mention[]): Map<string, Mention[]> {
  const bySentence = new Map<string, Mention[]>();
  for (const mention of mentions) {
    if (mention.type !== "organization") continue;
    const list = bySentence.get(mention.sentence_id);
    if (list) list.push(mention);
    else bySentence.set(mention.sentence_id, [mention]);
  }
  for (const list of bySentence.values()) list.sort((a, b) => a.start - b.start);
  return bySentence;
}

const CONVERSION_BETWEEN = new RegExp(
  `^(?:\\s+[\\p{L}][\\p{L}-]*){0,2}\\s*(?:${cueAlternation(metrics.conversion.between)})\\s*$`,
  "iu"
);

const COMPARED_GAP = new RegExp(
  `^[\\s,;(—–-]*(?:${cueAlternation(metrics.periods.comparisons)})\\s+(?:[\\p{L}]+\\s+){0,2}$`,
  "iu"
);

/**
 * Whether an amount is the other side of a comparison with the amount right before it, in the same kind of unit:
 * "$40m, up from $25m", "400 staff, up from 90", so that it measures the same thing.
 */
function isCompared(text: string, amounts: Amount[], index: number): boolean {
  if (index === 0) return false;
  const [previous, amount] = [amounts[index - 1], amounts[index]];
  if (MONEY_UNITS.has(previous.unit) !== MONEY_UNITS.has(amount.unit)) return false;
  return COMPARED_GAP.test(text.slice(previous.end, amount.start));
}

/**
 * For each amount, the index of the amount it restates in another currency, or -1: "€1 billion (about $1.17
 * billion)", "the €385 million round (about $420 million)".
 */
function conversions(text: string, amounts: Amount[]): number[] {
  const primaries = amounts.map(() => -1);
  for (let i = 1; i < amounts.length; ++i) {
    const [primary, conversion] = [amounts[i - 1], amounts[i]];
    if (primaries[i - 1] >= 0 || !MONEY_UNITS.has(primary.unit) || !MONEY_UNITS.has(conversion.unit) || primary.unit === conversion.unit) continue;
    if (CONVERSION_BETWEEN.test(text.slice(primary.end, conversion.start))) primaries[i] = i - 1;
  }
  return primaries;
}

/**
 * A conversion points at what it converts with equivalent_of and shares its metric, subject, period and instrument,
 * so that it is neither counted twice nor read differently. It is as hedged as what it converts, and a converted
 * target is an approximation of the target.
 */
function conversionOf(
  primary: Figure,
  amount: Amount,
  sentence: Sentence,
  document: SourceDocument,
  n: number,
  qualifier: Figure["qualifier"]
): Figure {
  const start = sentence.start + amount.start;
  const end = sentence.start + amount.end;
  return {
    ...primary,
    figure_id: `${document.doc_id}:f${n}`,
    start,
    end,
    text: document.text.slice(start, end),
    value: amount.value,
    unit: amount.unit,
    qualifier: qualifier !== "exact" ? qualifier : primary.qualifier === "target" ? "about" : primary.qualifier,
    equivalent_of: primary.figure_id
  };
}
