import {join} from "node:path";
import {ROOT} from "../support/workspace.ts";

/**
 * The annotated sets: the seed corpus and the test articles written for this workspace, which the rules were developed
 * against and must keep meeting the targets on (`gated`), and articles written and annotated after the rules, never
 * used to tune them, which measure how the rules do on text they have not seen.
 */
export const EVALUATION_SETS = [
  {name: "seeds", corpus: join(ROOT, "corpus"), gold: join(ROOT, "test", "fixtures", "gold", "seeds"), gated: true},
  {name: "own articles", corpus: join(ROOT, "test", "fixtures", "articles"), gold: join(ROOT, "test", "fixtures", "gold", "articles"), gated: true},
  {name: "held-out", corpus: join(ROOT, "test", "fixtures", "held-out", "articles"), gold: join(ROOT, "test", "fixtures", "held-out", "gold"), gated: false}
];
