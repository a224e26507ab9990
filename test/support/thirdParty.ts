import {readFile, readdir} from "node:fs/promises";
import {join} from "node:path";

export interface ThirdPartyReference {
  file: string;
  reference: string;
}

/**
 * Every place a built site would make the browser contact another host: a `src`, a stylesheet `href`, a module
 * `import`, or a CSS `@import`/`url()` with an absolute http(s) or protocol-relative URL. Plain hyperlinks to cited
 * articles are not requests and are allowed.
 */
export async function findThirdPartyRequests(dist: string): Promise<ThirdPartyReference[]> {
  const found: ThirdPartyReference[] = [];
  const entries = await readdir(dist, {recursive: true, withFileTypes: true});
  const remote = String.raw`(?:https?:)?//[^"'\s)]+`;
  const patterns = [
    new RegExp(String.raw`\bsrc\s*=\s*["']?(${remote})`, "gi"),
    new RegExp(String.raw`<link\b[^>]*\brel=["']?(?:stylesheet|modulepreload|preload|preconnect)["']?[^>]*\bhref=["']?(${remote})`, "gi"),
    new RegExp(String.raw`<link\b[^>]*\bhref=["']?(${remote})["']?[^>]*\brel=["']?(?:stylesheet|modulepreload|preload|preconnect)`, "gi"),
    new RegExp(String.raw`\bimport\s*(?:[\w*{}\s,]+from\s*)?\(?\s*["'](${remote})["']`, "gi"),
    new RegExp(String.raw`@import\s+(?:url\()?\s*["']?(${remote})`, "gi"),
    new RegExp(String.raw`url\(\s*["']?(${remote})`, "gi")
  ];
  for (const entry of entries) {
    if (!entry.isFile() || !/\.(html|js|css)$/.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    const source = await readFile(path, "utf8");
    // "@import url(…)" matches two patterns: a reference is counted once per place in the file.
    const places = new Set<number>();
    for (const pattern of patterns) {
      for (const match of source.matchAll(pattern)) {
        const place = match.index + match[0].lastIndexOf(match[1]);
        if (!places.has(place)) found.push({file: path.slice(dist.length + 1), reference: match[1]});
        places.add(place);
      }
    }
  }
  return found;
}
