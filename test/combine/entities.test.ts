import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {combineTallies, tallyMentions} from "../../data-loaders/combine/entities.ts";
import {entityId, extractMentions} from "../../data-loaders/extract/mentions.ts";
import {splitSentences} from "../../data-loaders/text/sentences.ts";
import type {EntityType, Mention} from "../../data-loaders/types.ts";

function mentionsOf(doc_id: string, text: string): Mention[] {
  const sentences = splitSentences(text).map(({start, end}, index) => ({sentence_id: `${doc_id}:s${index}`, doc_id, index, start, end, text: text.slice(start, end)}));
  return extractMentions({doc_id, file: `${doc_id}.txt`, title: "", outlet: "", url: "", published: "", text, sha256: ""}, sentences);
}

/** A mention row made by hand, for cases extraction would not produce on its own. */
function mention(doc_id: string, text: string, name: string, type: EntityType, start = 0): Mention {
  return {doc_id, sentence_id: `${doc_id}:s0`, entity_id: entityId(name), start, end: start + text.length, text, name, type};
}

/** Entities from each document's mentions, as the pipeline combines them: tallied per document, then combined. */
const combineEntities = (mentionsByDocument: Mention[][]) => combineTallies(mentionsByDocument.map(tallyMentions));

describe("combineTallies", () => {
  it("makes one row per entity with its spellings, documents and mention count", () => {
    const {entities} = combineEntities([
      mentionsOf("b", "NVIDIA shipped chips to Mistral."),
      mentionsOf("a", "Nvidia and Mistral AI signed a deal. Nvidia said so.")
    ]);
    assert.deepEqual(entities, [
      {entity_id: "mistral-ai", name: "Mistral AI", type: "organization", aliases: ["Mistral"], documents: ["a", "b"], mentions: 2},
      {entity_id: "nvidia", name: "Nvidia", type: "organization", aliases: ["NVIDIA"], documents: ["a", "b"], mentions: 3}
    ]);
  });

  it("merges a surname used alone in one article into the full name another article gives", () => {
    const {entities, mentionEntityIds} = combineEntities([
      mentionsOf("a", "Chief executive Elena Varga spoke on Monday."),
      [mention("b", "Varga", "Varga", "organization")]
    ]);
    assert.deepEqual(entities, [
      {entity_id: "elena-varga", name: "Elena Varga", type: "person", aliases: ["Varga"], documents: ["a", "b"], mentions: 2}
    ]);
    assert.equal(mentionEntityIds.get("varga"), "elena-varga");
    assert.equal(mentionEntityIds.get("elena-varga"), "elena-varga");
  });

  it("leaves a surname alone when two people share it", () => {
    const {entities} = combineEntities([
      [mention("a", "Elena Varga", "Elena Varga", "person")],
      [mention("b", "Tomas Varga", "Tomas Varga", "person")],
      [mention("c", "Varga", "Varga", "person")]
    ]);
    assert.deepEqual(entities.map((entity) => entity.entity_id), ["elena-varga", "tomas-varga", "varga"]);
  });

  it("merges a company's first word into its full name across articles, but not a known name", () => {
    const {entities, mentionEntityIds} = combineEntities([
      [mention("a", "Northwind Compute Inc.", "Northwind Compute", "organization"), mention("a", "Google Cloud", "Google Cloud", "organization", 30)],
      [mention("b", "Northwind", "Northwind", "organization"), mention("b", "Google", "Google", "organization", 20)]
    ]);
    assert.equal(mentionEntityIds.get("northwind"), "northwind-compute");
    assert.equal(mentionEntityIds.get("google"), "google");
    assert.deepEqual(entities.find((entity) => entity.entity_id === "northwind-compute")?.aliases, ["Northwind", "Northwind Compute Inc."]);
  });

  it("takes the majority type, and breaks a tie the same way every time", () => {
    const {entities} = combineEntities([
      [mention("a", "Aurora", "Aurora", "product")],
      [mention("b", "Aurora", "Aurora", "organization")],
      [mention("c", "Aurora", "Aurora", "product")],
      [mention("d", "Helix", "Helix", "product"), mention("d", "Helix", "Helix", "place", 10)]
    ]);
    assert.deepEqual(entities.map((entity) => [entity.name, entity.type]), [["Aurora", "product"], ["Helix", "product"]]);
  });

  it("gives the same table whatever the order of documents and mentions", () => {
    const documents = [
      mentionsOf("a", "CEO Elena Varga said Quillbase GmbH would open an office in Lyon."),
      mentionsOf("b", "Quillbase and Mistral AI signed a deal in Paris. Varga was there."),
      [mention("c", "Varga", "Varga", "organization"), mention("c", "Mistral", "Mistral AI", "organization", 10)]
    ];
    const forward = combineEntities(documents);
    const backward = combineEntities(documents.map((mentions) => [...mentions].reverse()).reverse());
    assert.deepEqual(backward.entities, forward.entities);
    assert.deepEqual([...backward.mentionEntityIds].sort(), [...forward.mentionEntityIds].sort());
    assert.deepEqual(forward.entities.map((entity) => entity.entity_id), ["elena-varga", "lyon", "mistral-ai", "paris", "quillbase"]);
  });

  it("is empty for no mentions", () => {
    assert.deepEqual(combineEntities([]), {entities: [], mentionEntityIds: new Map()});
  });
});
