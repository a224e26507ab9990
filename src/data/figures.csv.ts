import {printSiteFile} from "../../data-loaders/site.ts";

await printSiteFile("figures.csv");
