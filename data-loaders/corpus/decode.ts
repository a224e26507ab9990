/** Turns a file's bytes into text, or says why it cannot. */

export type Decoded = {text: string} | {problem: "empty" | "binary" | "invalid_utf8"; detail: string};

/**
 * UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark are read; anything else with NUL
 * bytes is binary, and malformed UTF-8 is refused rather than silently replaced, so no text is quietly corrupted.
 * Line endings become "\n" so offsets mean the same whatever system saved the file.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
  else {
    const nul = bytes.indexOf(0);
    if (nul >= 0) return {problem: "binary", detail: `NUL byte at offset ${nul}: not a text file; save the article as UTF-8 text, Markdown or HTML`};
    try {
      text = new TextDecoder("utf-8", {fatal: true, ignoreBOM: false}).decode(bytes);
    } catch {
      return {problem: "invalid_utf8", detail: `not valid UTF-8 (byte ${firstInvalidUtf8(bytes)}); re-save the file as UTF-8`};
    }
  }
  text = text.replace(/\r\n?/g, "\n");
  if (!text.trim()) return {problem: "empty", detail: `${bytes.length ? "only whitespace" : "zero bytes"}: no article to read; delete the file or paste the article's text into it`};
  return {text};
}

/** The offset of the first byte that makes the text invalid UTF-8, so the message can point at it. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  // With {stream: true} an incomplete character at the end of a prefix is not an error, so validity of prefixes
  // is monotonic and a binary search finds the first bad byte.
  const valid = (length: number) => {
    try {
      new TextDecoder("utf-8", {fatal: true}).decode(bytes.subarray(0, length), {stream: true});
      return true;
    } catch {
      return false;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (valid(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
