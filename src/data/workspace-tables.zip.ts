import {printSiteFile} from "../../data-loaders/site.ts";

await printSiteFile("workspace-tables.zip");
