import {printSiteFile} from "../../data-loaders/site.ts";

await printSiteFile("table-sizes.json");
