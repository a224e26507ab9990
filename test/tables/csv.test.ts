import assert from "node:assert/strict";
import {csvParse} from "d3-dsv";
import {describe, it} from "node:test";
import {type Column, formatChunks, formatNumber, tableText} from "../../data-loaders/tables/csv.ts";

interface Row {
  name: string;
  value: number | null;
  tags: string[];
}
const columns: Column<Row>[] = [
  {name: "name", type: "text", get: (row) => row.name},
  {name: "value", type: "number", get: (row) => row.value},
  {name: "tags", type: "list", get: (row) => row.tags}
];

const formatCsv = <T>(rows: T[], columns: Column<T>[]) => tableText(formatChunks(rows, columns));

describe("formatChunks", () => {
  it("writes a header, quotes per RFC 4180 and joins lists with |", () => {
    const csv = formatCsv([{name: 'He said "hi", then left', value: 3, tags: ["a", "b"]}], columns);
    assert.equal(csv, 'name,value,tags\n"He said ""hi"", then left",3,a|b\n');
  });
  it("neutralises text a spreadsheet would run as a formula, and leaves numbers alone", () => {
    const rows = ["=HYPERLINK(\"x\")", "+1", "-2 cmd", "@SUM(A1)", "\tx", "\rx"].map((name) => ({name, value: -5, tags: ["=x"]}));
    const parsed = csvParse(formatCsv(rows, columns));
    for (const row of parsed) {
      assert.equal(row.name![0], "'");
      assert.equal(row.value, "-5");
      assert.equal(row.tags, "'=x");
    }
  });
  it("writes null numbers as empty cells", () => {
    assert.equal(formatCsv([{name: "a", value: null, tags: []}], columns), "name,value,tags\na,,\n");
  });
});

describe("formatNumber", () => {
  it("never uses an exponent or thousands separators", () => {
    assert.equal(formatNumber(1.17e9), "1170000000");
    assert.equal(formatNumber(3e21), "3000000000000000000000");
    assert.equal(formatNumber(0.0000001), "0");
    assert.equal(formatNumber(1234.5678), "1234.5678");
  });
});
