/** The worker-thread entry point: one document in, its share of the tables out. */
import {extractTables} from "../tables/documentTables.ts";

export default extractTables;
