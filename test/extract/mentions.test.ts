import assert from "node:assert/strict";
import {csvParse} from "d3-dsv";
import {readFileSync} from "node:fs";
import {describe, it} from "node:test";
import {compileLexicon, knownName} from "../../data-loaders/extract/entityLexicon.ts";
import {entityId, extractMentions} from "../../data-loaders/extract/mentions.ts";
import {splitSentences} from "../../data-loaders/text/sentences.ts";
import type {Mention} from "../../data-loaders/types.ts";

function mentionsOf(text: string, doc_id = "doc"): Mention[] {
  const sentences = splitSentences(text).map(({start, end}, index) => ({sentence_id: `${doc_id}:s${index}`, doc_id, index, start, end, text: text.slice(start, end)}));
  return extractMentions({doc_id, file: `${doc_id}.txt`, title: "", outlet: "", url: "", published: "", text, sha256: ""}, sentences);
}

/** Mentions as "text → name (type)", the way a reader checks them. */
function read(text: string): string[] {
  return mentionsOf(text).map((m) => `${m.text} → ${m.name} (${m.type})`);
}

describe("extractMentions: known names", () => {
  it("takes the longest known name", () => {
    assert.deepEqual(read("Mistral AI competes with Google DeepMind."), [
      "Mistral AI → Mistral AI (organization)",
      "Google DeepMind → Google DeepMind (organization)"
    ]);
  });

  it("resolves an alias to its canonical name", () => {
    assert.deepEqual(read("Mistral bought GPUs from NVIDIA and rents capacity on AWS."), [
      "Mistral → Mistral AI (organization)",
      "NVIDIA → Nvidia (organization)",
      "AWS → Amazon Web Services (organization)"
    ]);
  });

  it("matches an all-capitals alias only in capitals: the US, never us", () => {
    assert.deepEqual(read("Let us see how buyers in the US react."), ["US → United States (place)"]);
    assert.deepEqual(read("Us and them: a European view."), []);
  });

  it("finds a known name glued to a lower-case word by a hyphen", () => {
    assert.deepEqual(read("A Paris-based startup with US-hosted rivals."), ["Paris → Paris (place)", "US → United States (place)"]);
  });

  it("covers a model's version and variant, keeping the family as the name", () => {
    assert.deepEqual(read("It runs Llama 3.1 and launched Voxtral Mini."), [
      "Llama 3.1 → Llama (product)",
      "Voxtral Mini → Voxtral (product)"
    ]);
  });

  it("takes a leading article into a known name that has one", () => {
    assert.deepEqual(read("It was reported by the Guardian and The Economist."), [
      "the Guardian → The Guardian (organization)",
      "The Economist → The Economist (organization)"
    ]);
  });

  it("reads a plural product as the product", () => {
    assert.deepEqual(read("The cluster has 4,000 H100s."), ["H100s → H100 (product)"]);
  });

  it("does not take a known first name for a product when a surname follows", () => {
    assert.deepEqual(read("The prize honours Claude Shannon, the information theorist."), ["Claude Shannon → Claude Shannon (person)"]);
  });

  it("offsets slice the document text exactly, including after non-ASCII text", () => {
    const text = "Timothée Lacroix, CTO of Mistral, spoke in Zürich about Société Générale.";
    for (const mention of mentionsOf(text)) assert.equal(text.slice(mention.start, mention.end), mention.text);
  });
});

describe("extractMentions: names the lexicon does not know", () => {
  it("a title before a name makes a person", () => {
    assert.deepEqual(read("Co-founder and CEO Elena Varga took the stage with CTO Piet Vermeulen."), [
      "Elena Varga → Elena Varga (person)",
      "Piet Vermeulen → Piet Vermeulen (person)"
    ]);
    assert.deepEqual(read("It was founded by chief underwriting officer Gareth Pryce."), ["Gareth Pryce → Gareth Pryce (person)"]);
  });

  it("a corporate suffix makes an organisation, left out of its name", () => {
    assert.deepEqual(read("The contract went to Rheinblick GmbH and later to Rheinblick."), [
      "Rheinblick GmbH → Rheinblick (organization)",
      "Rheinblick → Rheinblick (organization)"
    ]);
  });

  it("what was acquired is an organisation, even with words between", () => {
    assert.deepEqual(read("The group is acquiring serverless platform Quillbase for $40 million."), ["Quillbase → Quillbase (organization)"]);
  });

  it("what was launched is a product", () => {
    assert.deepEqual(read("Last week the firm launched Quasar, a coding assistant for banks."), ["Quasar → Quasar (product)"]);
  });

  it("a place cue makes a place", () => {
    assert.deepEqual(read("It is building a campus near Saint-Vulbas this year."), ["Saint-Vulbas → Saint-Vulbas (place)"]);
  });

  it("resolves a later surname to the full name", () => {
    assert.deepEqual(read("Chief executive Elena Varga founded the company in 2021. Varga said demand was strong."), [
      "Elena Varga → Elena Varga (person)",
      "Varga → Elena Varga (person)"
    ]);
  });

  it("resolves a company's first word to its full name", () => {
    assert.deepEqual(read("Northwind Compute Inc. plans a new site. Northwind said it would hire 40 people."), [
      "Northwind Compute Inc. → Northwind Compute (organization)",
      "Northwind → Northwind Compute (organization)"
    ]);
  });

  it("names a known company's unknown product after the company", () => {
    assert.deepEqual(read("The model beats ElevenLabs Flash v2.5 on cloning."), [
      "ElevenLabs → ElevenLabs (organization)",
      "Flash v2.5 → ElevenLabs Flash v2.5 (product)"
    ]);
  });

  it("keeps a capitalised 'The' that is part of a name", () => {
    assert.deepEqual(read("The story was first published by The Northern Ledger."), ["The Northern Ledger → The Northern Ledger (organization)"]);
  });

  it("a known place followed by a company word and a legal form is a company", () => {
    assert.deepEqual(read("It signed a supply deal with West Texas Renewables LLC in April."), [
      "West Texas Renewables LLC → West Texas Renewables (organization)"
    ]);
  });

  it("finds a name written only at the start of a sentence once it is established elsewhere", () => {
    assert.deepEqual(read("Investors backed Quillbase in 2024. Quillbase now employs 80 people."), [
      "Quillbase → Quillbase (organization)",
      "Quillbase → Quillbase (organization)"
    ]);
  });
});

describe("extractMentions: capitals that are not names", () => {
  it("ignores title-case headings", () => {
    assert.deepEqual(read("The Competitive Context\nWhat Remains Uncertain\nKey Takeaways\nThe market is crowded."), []);
  });

  it("still finds known names in a heading", () => {
    assert.deepEqual(read("Why Mistral’s Bet on Data Centers Matters"), ["Mistral → Mistral AI (organization)"]);
  });

  it("ignores common words at the start of a sentence or after a colon", () => {
    assert.deepEqual(read("Manufacturing remains hard. Developers: Expect faster access. Failure carries a cost too."), []);
  });

  it("ignores funding stages, laws, events and lone generic acronyms", () => {
    assert.deepEqual(read("It raised a Series C under the AI Act rules at the Data Frontier Summit, citing LLM and GPU demand."), []);
  });

  it("ignores adjectives made from place names", () => {
    assert.deepEqual(read("The firm commissions its Parisian data center and a Bavarian plant."), []);
  });

  it("does not emit a mention inside a longer known name", () => {
    const mentions = mentionsOf("Clients include Bank of America.");
    assert.deepEqual(mentions.map((m) => m.text), ["Bank of America"]);
  });
});

describe("entityId", () => {
  it("is a slug of the canonical name, without accents or a leading article", () => {
    assert.equal(entityId("Mistral AI"), "mistral-ai");
    assert.equal(entityId("Nvidia"), "nvidia");
    assert.equal(entityId("Timothée Lacroix"), "timothee-lacroix");
    assert.equal(entityId("The French Tech Journal"), "french-tech-journal");
    assert.equal(entityId("AT&T"), "at-t");
  });
});

describe("lexicons/entities.csv", () => {
  const csv = readFileSync(new URL("../../data-loaders/lexicons/entities.csv", import.meta.url), "utf8");

  it("has a valid type on every row and no surface form listed twice", () => {
    const seen = new Map<string, string>();
    for (const row of csvParse(csv)) {
      assert.ok(["organization", "person", "product", "place"].includes(row.type!), `${row.name}: type ${row.type}`);
      for (const surface of [row.name!, ...(row.aliases ? row.aliases.split("|") : [])]) {
        assert.ok(!seen.has(surface), `"${surface}" is listed for both ${seen.get(surface)} and ${row.name}`);
        seen.set(surface, row.name!);
      }
    }
  });

  it("compiles rows a user adds, and rejects a row without a type", () => {
    const lexicon = compileLexicon("name,type,aliases\nNorthwind Compute,organization,Northwind\n");
    assert.deepEqual(knownName("northwind", lexicon), {name: "Northwind Compute", type: "organization"});
    assert.throws(() => compileLexicon("name,type,aliases\nNorthwind,,\n"), /row 2/);
  });
});
