import {printSiteFile} from "../../../data-loaders/site.ts";

await printSiteFile("pages/events.csv");
