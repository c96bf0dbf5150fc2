// What a shopper on a phone waits for: navigation to the first validation answer on a
// product page, in Chromium with a phone profile (4x CPU slowdown; 400 ms round trips,
// 1.6 Mbit/s down, 750 kbit/s up), ours next to @medusajs/js-sdk + Ajv + ajv-formats
// loaded the same way (one esbuild bundle each, served compressed, the product answered
// by the same server). Fresh page (no cache) per load, the two alternating.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { launchChromium } from "../../tests/js/browser.mjs";
import { bundlePage } from "./browser.mjs";

export const PHONE = { cpuSlowdown: 4, latencyMs: 400, downloadBitsPerSecond: 1_600_000, uploadBitsPerSecond: 750_000 };
/** Applies the phone profile to a page through its CDP session (Network.enable first). */
export async function throttleLikeAPhone(cdp) {
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: PHONE.latencyMs,
    downloadThroughput: PHONE.downloadBitsPerSecond / 8,
    uploadThroughput: PHONE.uploadBitsPerSecond / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: PHONE.cpuSlowdown });
}

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };

// The real server's product (trace 106), its schema in metadata.
function productBody(repo) {
  const trace = readFileSync(path.join(repo, "tests/fixtures/medusa-v2-traces/106-store-get-product-fields.txt"), "utf8");
  const response = trace.split("=== RESPONSE ===")[1];
  return JSON.stringify(JSON.parse(response.slice(response.indexOf("\n{") + 1)));
}

const PRELOAD = `<link rel="preload" href="dist/medusa_personalize.wasm" as="fetch" type="application/wasm" crossorigin>`;
const pageHtml = (script, head = "") =>
  `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width">${head}<script type="module" src="${script}.js"></script>`;

async function bundle(repo, dir) {
  mkdirSync(dir, { recursive: true });
  for (const page of ["ours-product", "peer-product"]) {
    await bundlePage(repo, page, dir);
    writeFileSync(path.join(dir, `${page}.html`), pageHtml(page));
  }
  // Ours again, the page asking for the .wasm while its script loads (a storefront can).
  writeFileSync(path.join(dir, "ours-preload-product.html"), pageHtml("ours-product", PRELOAD));
  writeFileSync(path.join(dir, "medusa_personalize.wasm"), readFileSync(path.join(repo, "web/dist/medusa_personalize.wasm")));
  writeFileSync(path.join(dir, "product.json"), productBody(repo));
}

// Static files, compressed as a CDN would (brotli when the browser asks for it, else
// gzip); /store/products/* answers the product.
function serve(dir) {
  const encodings = new Set();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    const name = url.pathname.startsWith("/store/products/") ? "product.json" : path.basename(url.pathname);
    let body;
    try {
      body = readFileSync(path.join(dir, name));
    } catch {
      res.writeHead(404).end();
      return;
    }
    const accepted = String(req.headers["accept-encoding"] ?? "");
    const encoding = /\bbr\b/.test(accepted) ? "br" : "gzip";
    encodings.add(encoding);
    const packed = encoding === "br"
      ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })
      : zlib.gzipSync(body, { level: 9 });
    res.writeHead(200, { "content-type": TYPES[path.extname(name)] ?? "application/octet-stream", "content-encoding": encoding, "cache-control": "no-store", "access-control-allow-origin": "*" });
    res.end(packed);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, encodings })));
}

/** { ours: [ms], "ours-preload": [ms], peer: [ms], bytes, encodings, version } over `rounds` alternating loads each. */
export async function measurePhone(repo, workDir, { rounds }) {
  await bundle(repo, workDir);
  const { server, encodings } = await serve(workDir);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchChromium();
  const times = { ours: [], "ours-preload": [], peer: [] };
  const bytes = { ours: 0, "ours-preload": 0, peer: 0 };
  const pages = { ours: "ours-product", "ours-preload": "ours-preload-product", peer: "peer-product" };
  try {
    for (let r = 0; r < rounds; r++) {
      for (const who of Object.keys(times)) {
        const page = await browser.context.newPage();
        const cdp = await page.context().newCDPSession(page);
        await cdp.send("Network.enable");
        await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
        await throttleLikeAPhone(cdp);
        let received = 0;
        cdp.on("Network.loadingFinished", (e) => (received += e.encodedDataLength));
        await page.goto(`${base}/${pages[who]}.html`);
        const result = await (await page.waitForFunction(() => window.__result, null, { timeout: 120_000 })).jsonValue();
        if (!result.ok) throw new Error(`${who}: the first validation said invalid`);
        times[who].push(result.ms);
        bytes[who] = received;
        await page.close();
      }
    }
    return { ...times, bytes, encodings: [...encodings], version: browser.context.browser()?.version() ?? "" };
  } finally {
    await browser.close();
    server.close();
  }
}
