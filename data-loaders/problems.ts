import type {Problem} from "./types.ts";

/** One warning line: the file, what is wrong with it and what to do. */
export function formatProblem({file, problem, detail}: Problem): string {
  return `warning: ${file}: ${problem.replace(/_/g, " ")}: ${detail}`;
}
