/**
 * Search in lists sorted by position. Figures, dates and cues are matched to their neighbours within a window, found
 * by binary search, so that a pathological "sentence" (a table flattened into one line) costs O(n log n), not O(n²).
 */

/** The index of the first item whose `key` is at least `value` (items.length when there is none). */
export function firstAtOrAfter<T>(items: readonly T[], key: (item: T) => number, value: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (key(items[middle]) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

export const startOf = (item: {start: number}): number => item.start;
export const endOf = (item: {end: number}): number => item.end;
export const itself = (value: number): number => value;

/**
 * Spans taken so far, to test a new span for overlap. A few spans are compared one by one; past that, characters are
 * marked, so a text with thousands of amounts is tested in time proportional to each span's length.
 */
export class Taken {
  private readonly spans: [number, number][] = [];
  private marks: Uint8Array | null = null;

  constructor(private readonly length: number) {}

  overlaps(start: number, end: number): boolean {
    if (this.marks) {
      for (let i = start; i < end; ++i) if (this.marks[i]) return true;
      return false;
    }
    for (const [s, e] of this.spans) if (start < e && end > s) return true;
    return false;
  }

  take(start: number, end: number): void {
    if (this.marks) {
      this.marks.fill(1, start, end);
      return;
    }
    this.spans.push([start, end]);
    if (this.spans.length > 16) {
      this.marks = new Uint8Array(this.length + 1);
      for (const [s, e] of this.spans) this.marks.fill(1, s, e);
    }
  }
}
