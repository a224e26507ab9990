import {printSiteFile} from "../../data-loaders/site.ts";

await printSiteFile("mentions.csv");
