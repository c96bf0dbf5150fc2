// The demo's storefront in front of a real Medusa (scripts/demo.sh --medusa): serves web/
// as the mock backend does (--static web) and passes the API paths through to Medusa, so
// the page, its uploads and its API calls share one origin as they do on the mock.
// The page's embedded publishable key (web/demo/js/config.js) is replaced by Medusa's.
//
//   node scripts/demo-server.mjs <port> <medusa url> <publishable key>
import http from "node:http";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const [port, medusaUrl, publishableKey] = process.argv.slice(2);
if (!port || !medusaUrl || !/^pk_[0-9a-f]+$/.test(publishableKey ?? "")) {
  console.error("usage: node scripts/demo-server.mjs <port> <medusa url> <publishable key>");
  process.exit(2);
}
const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../web");
const upstream = new URL(medusaUrl);
const API_PREFIXES = ["/store/", "/admin/", "/auth/", "/personalization/", "/static/", "/health"];
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".svg": "image/svg+xml",
};

function proxy(req, res) {
  const forwarded = http.request(
    // The Host header is kept, as a reverse proxy does: the plugin builds the URLs of
    // uploaded images from it, and the page may only show images of its own origin.
    { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  forwarded.on("error", (error) => {
    if (!res.headersSent) res.writeHead(502, { "content-type": "application/json" });
    res.end(JSON.stringify({ type: "unknown_error", message: `Medusa is unreachable: ${error.message}` }));
  });
  req.pipe(forwarded);
}

async function serveFile(req, res) {
  const pathname = decodeURIComponent(new URL(req.url, "http://x").pathname);
  const relative = pathname.endsWith("/") ? `${pathname}index.html` : pathname;
  const file = path.resolve(webRoot, `.${relative}`);
  if (!file.startsWith(webRoot + path.sep)) return notFound(res);
  let bytes;
  try {
    bytes = await readFile(file);
  } catch {
    return notFound(res);
  }
  // The page's publishable key is the mock's: this Medusa's replaces it, in the sources
  // and in the bundles scripts/bundle-demo.mjs makes of them.
  if (relative === "/demo/js/config.js" || (relative.startsWith("/demo/build/") && relative.endsWith(".js"))) {
    bytes = Buffer.from(bytes.toString("utf8").replace(/"pk_[0-9A-Za-z]+"/, JSON.stringify(publishableKey)));
  }
  if (relative.startsWith("/demo/") && relative.endsWith(".html")) {
    bytes = Buffer.from(bytes.toString("utf8").replace("the backend is a mock Medusa v2", "the backend is Medusa 2.21 with medusa-plugin-personalize"));
  }
  res.writeHead(200, {
    "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
    "x-content-type-options": "nosniff",
    "cache-control": "no-cache",
  });
  res.end(bytes);
}

function notFound(res) {
  res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
  res.end("not found");
}

const server = http.createServer((req, res) => {
  if (API_PREFIXES.some((p) => req.url === p.replace(/\/$/, "") || req.url.startsWith(p))) return proxy(req, res);
  if (req.method !== "GET" && req.method !== "HEAD") return notFound(res);
  serveFile(req, res).catch(() => notFound(res));
});
server.listen(Number(port), "127.0.0.1", () => {
  console.log(`demo storefront on http://127.0.0.1:${server.address().port}/demo/ (Medusa at ${medusaUrl})`);
});
