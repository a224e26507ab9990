/** The worker-thread entry point: one document in, its extraction out. */
import type {DocumentExtraction, SourceDocument} from "../types.ts";
import {extractDocument} from "./document.ts";

export default function extract(document: SourceDocument): DocumentExtraction {
  return extractDocument(document);
}
