import {mkdir, readFile} from "node:fs/promises";
import {join} from "node:path";
import {writeFileAtomically} from "../tables/write.ts";

/**
 * A folder of JSON values keyed by content hashes. Writes are atomic, and an entry that does not parse (a disk error,
 * a hand edit) is treated as missing rather than trusted.
 */
export class JsonStore {
  readonly dir: string;
  /** Folders made by this store, so writing thousands of entries does not ask the file system thousands of times. */
  private readonly made = new Set<string>();
  constructor(dir: string) {
    this.dir = dir;
  }
  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }
  async get<T>(key: string): Promise<T | undefined> {
    let source: string;
    try {
      source = await readFile(this.path(key), "utf8");
    } catch {
      return undefined;
    }
    try {
      const entry = JSON.parse(source);
      return entry?.key === key ? (entry.value as T) : undefined;
    } catch {
      return undefined;
    }
  }
  async set(key: string, value: unknown): Promise<void> {
    const path = this.path(key);
    const folder = join(this.dir, key.slice(0, 2));
    if (!this.made.has(folder)) {
      await mkdir(folder, {recursive: true});
      this.made.add(folder);
    }
    await writeFileAtomically(path, JSON.stringify({key, value}));
  }
}
