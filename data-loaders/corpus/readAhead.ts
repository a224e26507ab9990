/**
 * The results of `read` over `items`, in order, with up to `depth` reads in flight. Reading a corpus one file at a
 * time leaves the disk and the file system's thread pool waiting on each other, and the extraction workers waiting
 * for both; the caller still sees the files one by one, in corpus order, so first-seen rules stay deterministic.
 */
export async function* readAhead<T, R>(items: readonly T[], depth: number, read: (item: T, index: number) => Promise<R>): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  let next = 0;
  const fill = () => {
    for (; next < items.length && pending.length < depth; next++) {
      const reading = read(items[next], next);
      // Awaited in turn below; until then a failure must not count as unhandled.
      reading.catch(() => {});
      pending.push(reading);
    }
  };
  fill();
  while (pending.length) {
    const result = await pending.shift()!;
    fill();
    yield result;
  }
}
