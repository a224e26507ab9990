/**
 * A synthetic corpus of business-news articles, deterministic from a seed: many companies, people, currencies,
 * amounts, dates and phrasings, with boilerplate and noise, so that extraction does the work it does on real news.
 * Each article is 2–8 KB.
 */
import {mkdir, writeFile} from "node:fs/promises";
import {join} from "node:path";

export function random(seed: number): () => number {
  // mulberry32: small, fast and good enough to vary text; the same seed always gives the same corpus.
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PREFIXES = ["Nord", "Aster", "Helio", "Quanta", "Vela", "Orbis", "Cobalt", "Lumen", "Strato", "Kairos", "Ferro", "Alta", "Nimbus", "Sable", "Tessel", "Vireo", "Zephyr", "Brio", "Caldera", "Dune"];
const ROOTS = ["tech", "grid", "mind", "works", "scale", "forge", "labs", "logic", "wave", "core", "stack", "volt", "form", "sense", "path"];
const SUFFIXES = ["", "", " AI", " Systems", " Robotics", " GmbH", " SA", " Ltd", " Inc.", " AG", " Energy", " Cloud"];
const FIRST = ["Anna", "Lukas", "Sofia", "Mateo", "Emma", "Noah", "Chiara", "Jonas", "Ingrid", "Rafael", "Mei", "Arjun", "Leila", "Tomás", "Hanna", "Olivier", "Priya", "Kenji", "Marta", "Elias"];
const LAST = ["Keller", "Moreau", "Rossi", "Nakamura", "Schmidt", "García", "Lindqvist", "Novak", "Dubois", "Fischer", "Costa", "Okafor", "Bianchi", "Janssen", "Weber", "Haddad", "Kowalski", "Sato", "Laurent", "Berg"];
const TITLES = ["chief executive", "CEO", "co-founder", "chief financial officer", "CTO", "president", "managing director"];
const CITIES = ["Paris", "Berlin", "Munich", "London", "Zurich", "Stockholm", "Amsterdam", "Milan", "Madrid", "Lyon", "Tokyo", "Bangalore", "Toronto", "Austin", "Dublin"];
const INVESTORS = ["Atlas Ventures", "Northgate Capital", "Blue Harbour Partners", "Meridian Growth", "Crestline Equity", "Tidewater Fund", "Sequoia Capital", "Lightspeed", "General Catalyst", "Bpifrance", "the European Investment Bank"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const PRODUCTS = ["Atlas", "Beacon", "Cirrus", "Delta", "Ember", "Fjord", "Granite", "Harbor"];

const BOILERPLATE = [
  "Subscribe to our newsletter to get the latest posts sent to your email.",
  "This article was updated to correct the spelling of a name.",
  "Share this article: Twitter | LinkedIn | Email",
  "Advertisement",
  "Read more: The week in European tech",
  "© 2025 Example Media Group. All rights reserved."
];

const FILLER = [
  "Analysts said the market for industrial software remained fragmented, with few vendors able to serve large manufacturers across several countries.",
  "The company did not disclose the terms of its agreements with customers, citing confidentiality.",
  "Competition for engineering talent has intensified as larger rivals expand their European offices.",
  "Regulators in Brussels have signalled that they will scrutinise data-residency claims more closely under the new rules.",
  "Investors have grown more selective in recent quarters, favouring companies with recurring revenue and clear paths to profitability.",
  "The firm said its platform was already used by hospitals, logistics groups and two national ministries.",
  "Energy costs remain a concern for data-centre operators, who are signing long-term power purchase agreements to secure supply.",
  "Several customers have asked for models that can run on their own premises rather than in a public cloud.",
  "The announcement comes amid a broader push by European governments to build sovereign alternatives to US cloud providers.",
  "Executives declined to comment on reports that the company had held talks with potential acquirers."
];

interface Money {
  symbol: (amount: string) => string;
  scale: number;
}

const MONEY_FORMS: Money[] = [
  {symbol: (a) => `€${a} million`, scale: 1e6},
  {symbol: (a) => `$${a} million`, scale: 1e6},
  {symbol: (a) => `£${a}m`, scale: 1e6},
  {symbol: (a) => `${a} million euros`, scale: 1e6},
  {symbol: (a) => `CHF ${a} million`, scale: 1e6},
  {symbol: (a) => `$${a}bn`, scale: 1e9},
  {symbol: (a) => `€${a} billion`, scale: 1e9},
  {symbol: (a) => `€${a}mn`, scale: 1e6}
];

export function generateArticle(seed: number): {name: string; text: string} {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const company = `${pick(PREFIXES)}${pick(ROOTS)}${pick(SUFFIXES)}`;
  const rival = `${pick(PREFIXES)}${pick(ROOTS)}${pick(SUFFIXES)}`;
  const person = `${pick(FIRST)} ${pick(LAST)}`;
  const city = pick(CITIES);
  const year = int(2021, 2026);
  const month = pick(MONTHS);
  const money = () => {
    const form = pick(MONEY_FORMS);
    const amount = form.scale === 1e9 ? (int(10, 150) / 10).toFixed(1) : String(int(5, 900));
    return form.symbol(amount);
  };
  const sentences = [
    `${company}, the ${city}-based ${pick(["software", "robotics", "energy", "AI", "chip"])} company, said on ${pick(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])} it had raised ${money()} in a Series ${pick(["A", "B", "C", "D"])} round led by ${pick(INVESTORS)}, valuing the business at ${money()}.`,
    `The round, which closed in ${month} ${year}, brings the total the company has raised to ${money()} across ${pick(["three", "four", "five", "six", "seven"])} rounds.`,
    `${pick(TITLES)[0].toUpperCase()}${pick(TITLES).slice(1)} ${person} said the money would be used to expand into ${pick(CITIES)} and to hire engineers.`,
    `The company employs ${int(40, 4000).toLocaleString("en-US")} people, up from ${int(5, 39)} employees ${pick(["two years ago", "in 2020", "at its founding"])}.`,
    `Annual recurring revenue reached ${money()} last year, and ${company} is targeting ${money()} in revenue by ${pick(["year-end", `the end of ${year + 1}`, `${year + 2}`])}.`,
    `It plans a ${int(10, 300)} MW data centre near ${pick(CITIES)} with ${int(1, 40) * 1000} GPUs, due to open in ${pick(MONTHS)} ${year + 1}.`,
    `${company} acquired ${rival} in ${pick(MONTHS)} for an undisclosed sum, adding about ${int(20, 200)} staff.`,
    `Its ${pick(PRODUCTS)} model, a ${int(3, 120)}-billion-parameter system, has been downloaded more than ${int(1, 90)} million times.`,
    `The company signed a partnership with ${pick(["Nvidia", "Microsoft", "SAP", "Siemens", "Orange", "Deutsche Telekom"])} in ${pick(MONTHS)} ${year}.`,
    `Revenue grew ${int(20, 300)}% in the ${pick(["first", "second", "third", "fourth"])} quarter, the company said, without giving an absolute figure.`
  ];
  const target = int(2048, 8192);
  // Paragraphs of one to four sentences, as news is written, so sentence splitting has real boundaries to find;
  // boilerplate ("Sign up for our newsletter") stands on a line of its own.
  const paragraphs: string[] = [`${company} raises ${money()} to expand in ${city}`];
  let length = paragraphs[0].length;
  while (length < target) {
    const paragraph = rand() < 0.05 ? pick(BOILERPLATE) : Array.from({length: int(1, 4)}, () => (rand() < 0.58 ? pick(sentences) : pick(FILLER))).join(" ");
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  let text = paragraphs.join("\n\n");
  if (text.length > 8192) text = text.slice(0, text.lastIndexOf("\n\n", 8192));
  return {name: `article-${String(seed).padStart(6, "0")}`, text: text + "\n"};
}

/** Writes `count` articles into `dir` in 100-file subfolders, with front matter so relative dates resolve. */
export async function generateCorpus(dir: string, count: number, seed = 1): Promise<void> {
  for (let i = 0; i < count; ++i) {
    const {name, text} = generateArticle(seed * 1_000_003 + i);
    const folder = join(dir, `batch-${String(Math.floor(i / 100)).padStart(3, "0")}`);
    if (i % 100 === 0) await mkdir(folder, {recursive: true});
    const published = `${2022 + (i % 4)}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
    await writeFile(join(folder, `${name}.md`), `---\ntitle: Synthetic article ${i}\noutlet: Bench Wire\npublished: ${published}\n---\n${text}`);
  }
}
