/**
 * The roles sentences give the names they mention ("led by ASML" → ASML, investor), read with the cue vocabulary in
 * src/data/role-cues.json. One row per entity, role and sentence, so every role can be cited to the sentence that
 * states it: {entity_id, role, cue, doc_id, sentence_id}. `entities` are the rows of entities.csv whose mentions are
 * read; their types decide which roles they can take.
 */
export function mentionRoles(mentions, sentences, vocabulary, entities) {
  const cues = compileCues(vocabulary);
  const typeOf = new Map(entities.map((e) => [e.entity_id, e.type]));
  const isBreak = breakTest(vocabulary);
  const maxGap = vocabulary.max_gap ?? 60;
  const sentencesById = new Map(sentences.map((s) => [s.sentence_id, s]));
  const hitsBySentence = new Map();
  const rows = new Map();
  for (const mention of mentions) {
    if (!typeOf.has(mention.entity_id)) continue;
    const sentence = sentencesById.get(mention.sentence_id);
    if (!sentence) continue;
    if (!hitsBySentence.has(sentence.sentence_id)) hitsBySentence.set(sentence.sentence_id, findCues(sentence.text, cues));
    const hits = hitsBySentence.get(sentence.sentence_id);
    // Mentions are located in the document; the cues in the sentence.
    const start = mention.start - sentence.start;
    const end = mention.end - sentence.start;
    const type = typeOf.get(mention.entity_id);
    const fits = hits.filter((h) => !h.types || h.types.includes(type));
    const before = nearest(fits.filter((h) => h.side === "before" && h.end <= start), (h) => h.end, Math.max);
    const after = nearest(fits.filter((h) => h.side === "after" && h.start >= end), (h) => h.start, Math.min);
    for (const hit of [before, after]) {
      if (!hit) continue;
      const gap = hit.side === "before" ? sentence.text.slice(hit.end, start) : sentence.text.slice(end, hit.start);
      if (gap.length > maxGap || isBreak(gap)) continue;
      const key = `${mention.entity_id}\u0000${hit.role}\u0000${sentence.sentence_id}`;
      if (!rows.has(key)) rows.set(key, {entity_id: mention.entity_id, role: hit.role, cue: hit.text, doc_id: sentence.doc_id, sentence_id: sentence.sentence_id});
    }
  }
  return [...rows.values()];
}

function compileCues({roles}) {
  return Object.entries(roles).flatMap(([role, {types, ...sides}]) =>
    ["before", "after"].flatMap((side) => (sides[side] ?? []).map((cue) => ({role, types, side, pattern: wholeWords(cue)})))
  );
}

// "-led" follows a name with no space ("ASML-led"), so a boundary is asked for only where the cue has a word character.
function wholeWords(phrase) {
  const body = phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
  return new RegExp(`${/^\w/.test(phrase) ? "(?<![\\w-])" : ""}${body}${/\w$/.test(phrase) ? "(?![\\w-])" : ""}`, "giu");
}

function findCues(text, cues) {
  return cues.flatMap(({role, types, side, pattern}) =>
    [...text.matchAll(pattern)].map((match) => ({role, types, side, text: match[0], start: match.index, end: match.index + match[0].length}))
  );
}

// Of cues at the same distance ("clients" and "clients like"), the longer one is the phrase the text uses.
function nearest(hits, position, pick) {
  if (!hits.length) return undefined;
  const best = pick(...hits.map(position));
  return hits.filter((h) => position(h) === best).sort((a, b) => b.end - b.start - (a.end - a.start))[0];
}

function breakTest({break_words = [], break_marks = []}) {
  const words = new Set(break_words.map((w) => w.toLowerCase()));
  return (gap) => break_marks.some((mark) => gap.includes(mark)) || gap.toLowerCase().split(/[^\p{L}\p{N}'’-]+/u).some((w) => words.has(w));
}
