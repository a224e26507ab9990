/**
 * The libraries a user would otherwise reach for, timed in this process on the same texts as ours: compromise finding
 * people, organisations and money, and wink-nlp's built-in entity pass. Ours does every table's per-document work.
 */
import nlpCompromise from "compromise";
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import {discoverCorpus} from "../data-loaders/corpus/discover.ts";
import {readDocument} from "../data-loaders/corpus/read.ts";
import {extractDocument} from "../data-loaders/extract/document.ts";
import type {SourceDocument} from "../data-loaders/types.ts";

export interface LibraryTimes {
  documents: number;
  /** Seconds for each, single-threaded: the median of ROUNDS passes over the texts, the libraries taking turns. */
  ours: number;
  compromise: number;
  wink: number;
}

export async function compareLibraries(corpus: string, limit: number): Promise<LibraryTimes> {
  const documents: SourceDocument[] = [];
  for (const file of (await discoverCorpus(corpus)).files.slice(0, limit)) {
    const document = await readDocument(file);
    if (!("problem" in document)) documents.push(document);
  }
  const wink = winkNLP(model);
  const time = (work: (document: SourceDocument) => unknown) => {
    const start = performance.now();
    for (const document of documents) work(document);
    return (performance.now() - start) / 1000;
  };
  const work = {
    ours: (document: SourceDocument) => extractDocument(document),
    compromise: (document: SourceDocument) => {
      const doc = nlpCompromise(document.text);
      return [doc.people().out("array"), doc.organizations().out("array"), doc.money().out("array")];
    },
    wink: (document: SourceDocument) => wink.readDoc(document.text).entities().out()
  };
  // One warm-up document each, so module initialisation is not billed to the first library.
  for (const run of Object.values(work)) run(documents[0]);
  // Taking turns, so a slow spell of a shared machine does not fall on one library only.
  const samples: Record<keyof typeof work, number[]> = {ours: [], compromise: [], wink: []};
  for (let round = 0; round < ROUNDS; ++round) for (const [name, run] of Object.entries(work)) samples[name as keyof typeof work].push(time(run));
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return {documents: documents.length, ours: median(samples.ours), compromise: median(samples.compromise), wink: median(samples.wink)};
}

const ROUNDS = 3;
