import {parseArgs} from "node:util";
import {printReaderDocument} from "../../../data-loaders/site.ts";

const {values} = parseArgs({options: {doc: {type: "string"}}});
await printReaderDocument(values.doc ?? "");
