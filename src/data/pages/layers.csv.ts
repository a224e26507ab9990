import {printSiteFile} from "../../../data-loaders/site.ts";

await printSiteFile("pages/layers.csv");
