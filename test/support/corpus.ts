import {mkdir, mkdtemp, symlink, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";

/** Writes a corpus folder from {relative path: contents}; returns its path. */
export async function writeCorpus(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "corpus-"));
  for (const [path, contents] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), {recursive: true});
    await writeFile(join(dir, path), contents);
  }
  return dir;
}

export async function linkInCorpus(corpus: string, link: string, target: string): Promise<void> {
  await mkdir(dirname(join(corpus, link)), {recursive: true});
  await symlink(target, join(corpus, link));
}

export const ENGLISH_ARTICLE = `---
title: Northwind Robotics raises €40 million
outlet: The Example Wire
published: 2025-06-12
---
Northwind Robotics, a Lyon-based maker of warehouse robots, said on Thursday it had raised €40 million in a Series B round led by Atlas Ventures.
The company now employs 220 people, up from 90 a year ago, and said it was targeting revenue of €30 million in 2026.
Chief executive Claire Dubois said the money would fund a second factory near Grenoble.
`;

export const FRENCH_ARTICLE = `La société lyonnaise a annoncé jeudi une levée de fonds de 40 millions d'euros pour financer son développement.
Les investisseurs ont salué la qualité de son équipe et la croissance de ses ventes, qui ont doublé en un an.
Le dirigeant a précisé que la plus grande partie des fonds serait consacrée à la construction d'une nouvelle usine dans la région.
`;
