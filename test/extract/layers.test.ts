import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {compileLayers, inflections, LAYERS, tagLayers} from "../../data-loaders/extract/layers.ts";
import {splitSentences} from "../../data-loaders/text/sentences.ts";
import type {LayerTag} from "../../data-loaders/types.ts";

function tagsOf(text: string, data?: Record<string, unknown>): LayerTag[] {
  const doc_id = "doc";
  const sentences = splitSentences(text).map(({start, end}, index) => ({sentence_id: `${doc_id}:s${index}`, doc_id, index, start, end, text: text.slice(start, end)}));
  const document = {doc_id, file: "doc.txt", title: "", outlet: "", url: "", published: "", text, sha256: ""};
  return data ? tagLayers(document, sentences, compileLayers(data)) : tagLayers(document, sentences);
}

/** Tags as "sentence index layer: cues", the way a reader checks them. */
function read(text: string): string[] {
  return tagsOf(text).map((tag) => `${tag.sentence_id.split(":s")[1]} ${tag.layer}: ${tag.cues.join(", ")}`);
}

describe("tagLayers", () => {
  it("tags a sentence with every layer it speaks of, in stack order, cues in order of appearance", () => {
    assert.deepEqual(read("The startup raised $830 million in debt to build a 44MW data centre near Paris for its open-weight models."), [
      "0 energy: mw",
      "0 compute: data centre",
      "0 models: open-weight, models",
      "0 finance: raise, debt"
    ]);
  });

  it("rows follow sentence order; a sentence without cues has none", () => {
    assert.deepEqual(read("Revenue doubled. The weather was fine. Customers asked for sovereign hosting."), [
      "0 finance: revenue",
      "2 compute: hosting",
      "2 go_to_market: customer",
      "2 sovereignty: sovereign"
    ]);
  });

  it("matches case-insensitively, with plurals, and lists a cue once", () => {
    assert.deepEqual(read("GPUs, more GPUs and one GPU."), ["0 compute: gpu"]);
  });

  it("takes verb forms only for cues marked with +", () => {
    assert.deepEqual(read("It raised money, is raising more and raises again."), ["0 finance: raise"]);
    assert.deepEqual(read("An AI-powered assistant."), ["0 applications: assistant"]);
  });

  it("treats a hyphen and a space alike inside a phrase", () => {
    assert.deepEqual(read("A new data-centre and a bare metal offer."), ["0 compute: data centre, bare metal"]);
  });

  it("does not count what a layer's not-list rules out", () => {
    assert.deepEqual(read("Its business models need more computing power."), ["0 compute: computing"]);
  });

  it("counts the longest cue, not the shorter one inside it", () => {
    assert.deepEqual(read("A sovereign cloud for annual recurring revenue."), [
      "0 compute: sovereign cloud",
      "0 sovereignty: sovereign",
      "0 finance: annual recurring revenue"
    ]);
  });

  it("every row carries its document and sentence", () => {
    const [tag] = tagsOf("Nuclear power is back.");
    assert.deepEqual(tag, {doc_id: "doc", sentence_id: "doc:s0", layer: "energy", cues: ["nuclear", "power"]});
  });
});

describe("layers.json rules", () => {
  it("a user's cue list compiles with the documented markers", () => {
    const data = {energy: {cues: ["=watt", "turbine", "electrify+"], not: ["turbine hall"]}};
    assert.deepEqual(tagsOf("Watts and a watt, new turbines, a turbine hall and electrified lines.", data).map((tag) => tag.cues), [
      ["watt", "turbine", "electrify"]
    ]);
  });

  it("rejects a layer that is not part of the stack", () => {
    assert.throws(() => compileLayers({marketing: {cues: ["brand"]}}), /not a layer/);
  });

  it("inflects the last word: plurals always, verb forms on request", () => {
    assert.deepEqual(inflections("utility", false), ["utility", "utilitys", "utilityes", "utilities"]);
    assert.deepEqual(inflections("raise", true), ["raise", "raises", "raisees", "raised", "raising"]);
  });

  it("lists the layers bottom to top", () => {
    assert.deepEqual(LAYERS, ["energy", "compute", "models", "platform", "applications", "go_to_market", "sovereignty", "finance"]);
  });
});
