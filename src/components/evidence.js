/**
 * The first sentence, in corpus order, that says what `pattern` looks for: the evidence an interpretive sentence of
 * prose rests on, or undefined when no article says it (and the prose should say so instead).
 */
export function findEvidence(sentences, pattern) {
  return sentences.find((sentence) => pattern.test(sentence.text));
}
