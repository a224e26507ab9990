import {createReadStream} from "node:fs";
import {stat} from "node:fs/promises";
import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import {extname, join, normalize} from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".csv": "text/csv; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".ipynb": "application/json",
  ".md": "text/markdown; charset=utf-8"
};

/** Serves a built site on localhost the way a static host does (clean URLs: /money serves money.html). */
export async function serveStatic(dir: string): Promise<{url: string; close: () => Promise<void>}> {
  const server: Server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const safe = normalize(pathname).replace(/^(\.\.[/\\])+/, "");
    for (const candidate of [safe, `${safe}.html`, join(safe, "index.html")]) {
      const path = join(dir, candidate);
      const stats = await stat(path).catch(() => null);
      if (stats?.isFile()) {
        response.writeHead(200, {"content-type": TYPES[extname(path)] ?? "application/octet-stream"});
        createReadStream(path).pipe(response);
        return;
      }
    }
    response.writeHead(404).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const {port} = server.address() as AddressInfo;
  return {url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve()))};
}
