import {availableParallelism} from "node:os";
import {Piscina} from "piscina";
import {type ExtractedDocument, extractTables} from "../tables/documentTables.ts";
import type {SourceDocument} from "../types.ts";

/** Below this many documents, starting worker threads costs more than it saves. */
const MIN_DOCUMENTS_PER_WORKER = 64;

export interface ParallelOptions {
  /** Worker threads to use; defaults to the machine's available parallelism. */
  threads?: number;
  onDone?: (document: SourceDocument, extraction: ExtractedDocument) => void | Promise<void>;
}

/**
 * Extracts documents on all cores. Results come back in input order, so output does not depend on which worker
 * finished first; extraction is a pure function of the document, so it equals a single-threaded run.
 */
export async function extractInParallel(documents: SourceDocument[], {threads = availableParallelism(), onDone}: ParallelOptions = {}): Promise<ExtractedDocument[]> {
  const workers = Math.min(threads, Math.floor(documents.length / MIN_DOCUMENTS_PER_WORKER));
  if (workers < 2) {
    const results: ExtractedDocument[] = [];
    for (const document of documents) {
      const extraction = withFileName(document, () => extractTables(document));
      await onDone?.(document, extraction);
      results.push(extraction);
    }
    return results;
  }
  const pool = new Piscina({
    filename: new URL("./worker.ts", import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    // Worker threads inherit the parent's loader flags (tsx), so the worker runs the same TypeScript sources.
    execArgv: process.execArgv
  });
  try {
    return await Promise.all(
      documents.map(async (document) => {
        const extraction = await withFileName(document, () => pool.run(document) as Promise<ExtractedDocument>);
        await onDone?.(document, extraction);
        return extraction;
      })
    );
  } finally {
    await pool.destroy();
  }
}

/** An extraction that throws is a bug in a rule; the message names the file so it can be reproduced. */
function withFileName<T>(document: SourceDocument, work: () => T): T {
  const fail = (error: unknown): never => {
    throw new Error(`${document.file}: extraction failed (${(error as Error).message}); please report this with the file`, {cause: error});
  };
  try {
    const result = work();
    return (result instanceof Promise ? result.catch(fail) : result) as T;
  } catch (error) {
    return fail(error);
  }
}
