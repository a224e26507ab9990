import {readdir, realpath, stat} from "node:fs/promises";
import {extname, join, relative, sep} from "node:path";
import type {Problem} from "../types.ts";

/** The file extensions read as articles. */
export const ARTICLE_EXTENSIONS = [".txt", ".md", ".html", ".htm"];

export interface CorpusFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the corpus root, "/"-separated. */
  file: string;
}

/**
 * Lists every article file under `root`, recursively and in a stable order (so output never depends on the file
 * system's). Symlinked folders are followed once; a link back into a folder already visited is reported, not looped.
 * Hidden entries (".git", ".DS_Store") are skipped.
 */
export async function discoverCorpus(root: string): Promise<{files: CorpusFile[]; problems: Problem[]}> {
  const files: CorpusFile[] = [];
  const problems: Problem[] = [];
  const visited = new Set<string>();
  const toFile = (path: string) => relative(root, path).split(sep).join("/");

  async function walk(dir: string): Promise<void> {
    const real = await realpath(dir);
    if (visited.has(real)) {
      problems.push({file: toFile(dir), problem: "unreadable", detail: "symbolic link loop: this folder was already read; remove the link"});
      return;
    }
    visited.add(real);
    const entries = await readdir(dir, {withFileTypes: true});
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const path = join(dir, entry.name);
      let kind: "dir" | "file" | "other" = entry.isDirectory() ? "dir" : entry.isFile() ? "file" : "other";
      if (entry.isSymbolicLink()) {
        try {
          const target = await stat(path);
          kind = target.isDirectory() ? "dir" : target.isFile() ? "file" : "other";
        } catch (error) {
          problems.push({file: toFile(path), problem: "unreadable", detail: `broken or looping symbolic link (${(error as NodeJS.ErrnoException).code}); fix or remove it`});
          continue;
        }
      }
      if (kind === "dir") await walk(path);
      else if (kind === "file" && ARTICLE_EXTENSIONS.includes(extname(entry.name).toLowerCase())) files.push({path, file: toFile(path)});
    }
  }

  const rootStats = await stat(root).catch(() => null);
  if (!rootStats?.isDirectory()) throw new Error(`corpus folder ${root} does not exist or is not a folder; check the --corpus path (or CORPUS_DIR)`);
  await walk(root);
  return {files, problems};
}

/** A document's id: its path relative to the corpus root, without extension. */
export function docIdOf(file: string): string {
  return file.slice(0, file.length - extname(file).length);
}
