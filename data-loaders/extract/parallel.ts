import {availableParallelism} from "node:os";
import {Piscina} from "piscina";
import {type ExtractionTask, type ExtractedDocument, extractAndStore} from "../tables/documentTables.ts";

/** Below this many documents, starting worker threads costs more than it saves. */
const MIN_DOCUMENTS_PER_WORKER = 64;

export interface Extractor {
  /** Extracts one document (and writes its cache entry, when the task names a store). */
  extract: (task: ExtractionTask) => Promise<ExtractedDocument>;
  /** Resolves once few enough documents wait that handing over another keeps the workers busy without piling up texts. */
  ready: () => Promise<void>;
  close: () => Promise<void>;
}

/** Documents handed over per worker before the reader waits: a few tasks' slack each, not the whole corpus's text. */
const QUEUED_PER_WORKER = 16;

/**
 * An extractor sized for `expected` documents: on worker threads, one per core, when there are enough documents to
 * pay for starting them, else on this thread. Tasks can be handed over as soon as each document is read, so reading
 * the corpus overlaps extraction. Extraction is a pure function of the document, so the results equal a
 * single-threaded run's whichever worker finishes first.
 */
export function startExtractor(expected: number, threads = availableParallelism()): Extractor {
  const workers = Math.min(threads, Math.floor(expected / MIN_DOCUMENTS_PER_WORKER));
  if (workers < 2) return {extract: (task) => withFileName(task, () => extractAndStore(task)), ready: async () => {}, close: async () => {}};
  const pool = new Piscina({
    filename: new URL("./worker.ts", import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    // A second task waits on each worker, so it starts the next document as soon as one is done, not after a round
    // trip through this thread's event loop, and extracts while the previous one's cache entry is being written.
    concurrentTasksPerWorker: 2,
    // Worker threads inherit the parent's loader flags (tsx), so the worker runs the same TypeScript sources.
    execArgv: process.execArgv
  });
  let pending = 0;
  let waiting: (() => void)[] = [];
  const settled = () => {
    pending -= 1;
    waiting.forEach((resume) => resume());
    waiting = [];
  };
  return {
    extract: (task) => {
      pending += 1;
      return withFileName(task, () => pool.run(task) as Promise<ExtractedDocument>).finally(settled);
    },
    ready: () => (pending < workers * QUEUED_PER_WORKER ? Promise.resolve() : new Promise((resume) => waiting.push(resume))),
    close: () => pool.destroy()
  };
}

/** An extraction that throws is a bug in a rule; the message names the file so it can be reproduced. */
async function withFileName<T>({document}: ExtractionTask, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new Error(`${document.file}: extraction failed (${(error as Error).message}); please report this with the file`, {cause: error});
  }
}
