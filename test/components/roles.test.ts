import assert from "node:assert/strict";
import {readFile} from "node:fs/promises";
import {describe, it} from "node:test";

// The Actors page's component is browser JavaScript without type declarations; it has no imports, so Node runs it as is.
const {mentionRoles} = await import(new URL("../../src/components/roles.js", import.meta.url).href);
const vocabulary = JSON.parse(await readFile(new URL("../../src/data/role-cues.json", import.meta.url), "utf8"));

interface Name {
  name: string;
  type?: string;
}

/** The roles the vocabulary reads in one sentence, as "name: role (cue)", for the names given (organisations unless typed). */
function rolesIn(text: string, names: (string | Name)[]): string[] {
  const entities = names.map((n) => (typeof n === "string" ? {name: n, type: "organization"} : {type: "organization", ...n}));
  const sentence = {sentence_id: "doc:s0", doc_id: "doc", start: 100, end: 100 + text.length, text};
  const mentions = entities.flatMap(({name}) =>
    [...text.matchAll(new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "g"))].map((m) => ({
      doc_id: "doc",
      sentence_id: "doc:s0",
      entity_id: name,
      start: sentence.start + m.index!,
      end: sentence.start + m.index! + name.length
    }))
  );
  const rows: {entity_id: string; role: string; cue: string}[] = mentionRoles(mentions, [sentence], vocabulary, entities.map(({name, type}) => ({entity_id: name, type})));
  return rows.map((r) => `${r.entity_id}: ${r.role} (${r.cue})`);
}

describe("mentionRoles with src/data/role-cues.json", () => {
  it("reads a role from the cue before a name, across a descriptor", () => {
    assert.deepEqual(rolesIn("A €1.7 billion Series C, led by Dutch semiconductor equipment maker ASML.", ["ASML"]), ["ASML: investor (led by)"]);
  });

  it("gives a list after one cue that cue's role, and stops where the phrase ends", () => {
    assert.deepEqual(
      rolesIn("Example now competes directly with Anthropic, Cohere, and OpenAI for enterprise contracts, according to TechCrunch and Reuters.", [
        "Anthropic", "Cohere", "OpenAI", "TechCrunch", "Reuters"
      ]),
      ["Anthropic: competitor (competes directly with)", "Cohere: competitor (competes directly with)", "OpenAI: competitor (competes directly with)", "TechCrunch: source (according to)", "Reuters: source (according to)"]
    );
  });

  it("does not carry a cue past a break word", () => {
    assert.deepEqual(rolesIn("A landmark partnership with Nvidia to co-develop the Nemotron model.", ["Nvidia", {name: "Nemotron", type: "product"}]), [
      "Nvidia: partner (partnership with)"
    ]);
    assert.deepEqual(rolesIn("Koyeb, acquired by Example, runs serverless GPUs.", ["Koyeb", "Example"]), ["Koyeb: acquired (acquired by)"]);
  });

  it("takes the nearer, longer cue: 'clients like' over 'clients'", () => {
    assert.deepEqual(rolesIn("Revenue was driven by clients like HSBC and the French Ministry of the Armed Forces.", ["HSBC", "French Ministry of the Armed Forces"]), [
      "HSBC: customer (clients like)",
      "French Ministry of the Armed Forces: customer (clients like)"
    ]);
  });

  it("reads a cue after a name, even one joined to it", () => {
    assert.deepEqual(rolesIn("The ASML-led round closed.", ["ASML"]), ["ASML: investor (-led)"]);
    assert.deepEqual(rolesIn("As Sifted’s coverage shows, GPUs are scarce.", ["Sifted"]), ["Sifted: source (coverage)"]);
  });

  it("gives a title to the person it names, not to the company before it", () => {
    assert.deepEqual(rolesIn("OpenAI CEO Sam Altman spoke first.", ["OpenAI", {name: "Sam Altman", type: "person"}]), ["Sam Altman: executive (CEO)"]);
  });

  it("finds no role where no cue stands next to the name", () => {
    assert.deepEqual(rolesIn("Anthropic and OpenAI have understood this.", ["Anthropic", "OpenAI"]), []);
  });
});
