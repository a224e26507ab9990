/** npm run eval [-- --errors]: precision and recall of every annotated set, and what went wrong with --errors. */
import {evaluateCorpus, readGold} from "./score.ts";
import {EVALUATION_SETS} from "./sets.ts";

const showErrors = process.argv.includes("--errors");
const percent = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);

for (const set of EVALUATION_SETS) {
  const gold = await readGold(set.gold);
  const {figures, entities, events, errors} = await evaluateCorpus(set.corpus, gold);
  console.log(`\n${set.name} (${gold.length} documents)`);
  console.log(`  table       gold  found  precision  recall`);
  for (const [name, score] of Object.entries({figures, entities, events})) {
    console.log(`  ${name.padEnd(9)} ${String(score.gold).padStart(6)} ${String(score.predicted).padStart(6)}    ${percent(score.precision)} ${percent(score.recall)}`);
  }
  console.log(`  figures: value ${percent(figures.valueAccuracy)}, unit ${percent(figures.unitAccuracy)}, metric ${percent(figures.metricAccuracy)}, qualifier ${percent(figures.qualifierAccuracy)} (of matched)`);
  console.log(`  entities: type ${percent(entities.typeAccuracy)} (of matched)`);
  if (showErrors) for (const error of errors) console.log(`    ${error}`);
}
