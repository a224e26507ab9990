import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {splitSentences} from "../../data-loaders/text/sentences.ts";

const sentences = (text: string) => splitSentences(text).map(({start, end}) => text.slice(start, end));

describe("sentence boundaries", () => {
  it("splits a paragraph at its sentence ends", () => {
    assert.deepEqual(sentences("Mistral raised €600 million. The round was led by General Catalyst! Was it enough? Analysts doubt it."), [
      "Mistral raised €600 million.",
      "The round was led by General Catalyst!",
      "Was it enough?",
      "Analysts doubt it."
    ]);
  });

  it("does not split after abbreviations, initials or decimals", () => {
    assert.deepEqual(sentences("The U.S. Senate approved the $3.9bn deal. It met Mr. Smith on Jan. 5 in St. Louis."), [
      "The U.S. Senate approved the $3.9bn deal.",
      "It met Mr. Smith on Jan. 5 in St. Louis."
    ]);
  });

  it("ends a sentence after an amount in millions, and after an abbreviation or initials when the next word starts one", () => {
    assert.deepEqual(sentences("It raised £239m. Mistral said so. He works in the U.S. The company grew. Shares of Foo Inc. The deal closed."), [
      "It raised £239m.",
      "Mistral said so.",
      "He works in the U.S.",
      "The company grew.",
      "Shares of Foo Inc.",
      "The deal closed."
    ]);
  });

  it("keeps a title, an example or a company's initials with the name that follows", () => {
    assert.deepEqual(sentences("Dr. Jane Smith met J.P. Morgan. Tools, e.g. Le Chat, grew. The U.K. Government and Foo Corp. Tax Unit agreed."), [
      "Dr. Jane Smith met J.P. Morgan.",
      "Tools, e.g. Le Chat, grew.",
      "The U.K. Government and Foo Corp. Tax Unit agreed."
    ]);
  });

  it("ends a sentence at every line break, headings and list items included, without their markers", () => {
    const text = "Mistral opens a data centre\n\nBody one. Body two?\n- First item\n• Second item. Still the second item's list entry.\n2) Third";
    assert.deepEqual(sentences(text), ["Mistral opens a data centre", "Body one.", "Body two?", "First item", "Second item.", "Still the second item's list entry.", "Third"]);
  });

  it("gives offsets into the text, around surrounding whitespace", () => {
    const text = "  Indented first line.   \n\n   \nLast line";
    assert.deepEqual(splitSentences(text), [
      {start: 2, end: 22},
      {start: 31, end: 40}
    ]);
  });
});
