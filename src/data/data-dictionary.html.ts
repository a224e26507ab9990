import {printSiteFile} from "../../data-loaders/site.ts";

await printSiteFile("data-dictionary.html");
