/** The worker-thread entry point: one document in, its share of the tables out, its cache entry written here. */
import {extractAndStore} from "../tables/documentTables.ts";

export default extractAndStore;
