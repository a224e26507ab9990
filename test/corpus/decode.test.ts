import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {decodeText} from "../../data-loaders/corpus/decode.ts";

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("decodeText", () => {
  it("reads UTF-8 and drops a byte-order mark", () => {
    assert.deepEqual(decodeText(bytes(0xef, 0xbb, 0xbf, ...utf8("Café €1"))), {text: "Café €1"});
  });
  it("reads UTF-16 little- and big-endian with a byte-order mark", () => {
    assert.deepEqual(decodeText(bytes(0xff, 0xfe, 0x41, 0x00, 0xac, 0x20)), {text: "A€"});
    assert.deepEqual(decodeText(bytes(0xfe, 0xff, 0x00, 0x41, 0x20, 0xac)), {text: "A€"});
  });
  it("normalises Windows and old Mac line endings so offsets do not depend on the system", () => {
    assert.deepEqual(decodeText(utf8("one\r\ntwo\rthree")), {text: "one\ntwo\nthree"});
  });
  it("refuses a file with NUL bytes as binary, saying where", () => {
    const result = decodeText(bytes(0x50, 0x4b, 0x03, 0x04, 0x00, 0x01));
    assert.equal("problem" in result && result.problem, "binary");
    assert.match("detail" in result ? result.detail : "", /offset 4/);
  });
  it("refuses invalid UTF-8 and names the first bad byte", () => {
    const result = decodeText(bytes(...utf8("Mistral "), 0xc3, 0x28, ...utf8(" ok")));
    assert.equal("problem" in result && result.problem, "invalid_utf8");
    // 0xc3 opens a two-byte character; 0x28 at offset 9 cannot continue it.
    assert.match("detail" in result ? result.detail : "", /byte 9/);
  });
  it("calls an empty or whitespace-only file empty", () => {
    assert.equal((decodeText(bytes()) as {problem: string}).problem, "empty");
    assert.equal((decodeText(utf8(" \n\t\n")) as {problem: string}).problem, "empty");
  });
});
