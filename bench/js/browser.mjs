// The Chromium half of the benchmarks: bundles the pages in bench/js/page with esbuild,
// serves them from 127.0.0.1 (no caching, .wasm as application/wasm) and drives Debian's
// headless Chromium through playwright-core.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { launchChromium } from "../../tests/js/browser.mjs";

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm" };

// The page's script is at the root, so the package's default URL ("../dist/" beside it)
// is /dist/medusa_personalize.wasm (the server answers by file name).
const PRELOAD = `<link rel="preload" href="dist/medusa_personalize.wasm" as="fetch" type="application/wasm" crossorigin>`;

function startPage(script, head = "") {
  return `<!doctype html><meta charset="utf-8"><script>window.__t0 = performance.now()</script>${head}<script type="module" src="${script}.js"></script>`;
}

/** Bundles bench/js/page/<page>.mjs as a storefront would: one minified ES module. */
export function bundlePage(repo, page, outDir) {
  return build({
    entryPoints: [path.join(repo, "bench/js/page", `${page}.mjs`)],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outfile: path.join(outDir, `${page}.js`),
    alias: { "@repo": repo },
    logLevel: "silent",
  });
}

async function bundle(repo, workDir) {
  mkdirSync(workDir, { recursive: true });
  for (const page of ["ours-start", "ajv-start", "suite"]) {
    await bundlePage(repo, page, workDir);
    writeFileSync(path.join(workDir, `${page}.html`), startPage(page));
  }
  // The same start, with the .wasm requested by the HTML while the script loads, as a
  // storefront can ask for it.
  writeFileSync(path.join(workDir, "ours-preload.html"), startPage("ours-start", PRELOAD));
  copyFileSync(path.join(repo, "web/dist/medusa_personalize.wasm"), path.join(workDir, "medusa_personalize.wasm"));
}

function serve(dir) {
  const server = http.createServer((req, res) => {
    const file = path.join(dir, path.basename(new URL(req.url, "http://x").pathname));
    try {
      const body = readFileSync(file);
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/**
 * { startup: { ours: [ms], ajv: [ms], "ours-preload": [ms] }, validation: [{case: {ours, ajv}}], calls: [...],
 *   version } from `rounds` alternating rounds.
 */
export async function measureBrowser(repo, workDir, { rounds, ms, bodies }) {
  await bundle(repo, workDir);
  const server = await serve(workDir);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchChromium();
  try {
    const startup = { ours: [], ajv: [], "ours-preload": [] };
    const pages = { ours: "ours-start", ajv: "ajv-start", "ours-preload": "ours-preload" };
    for (let r = 0; r < rounds * 2; r++) {
      for (const who of Object.keys(startup)) {
        const page = await browser.context.newPage();
        await page.goto(`${base}/${pages[who]}.html`);
        const result = await (await page.waitForFunction(() => window.__result)).jsonValue();
        if (!result.ok) throw new Error(`${who}: the first validation failed`);
        startup[who].push(result.ms);
        await page.close();
      }
    }
    const page = await browser.context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${base}/suite.html`);
    await page.waitForFunction(() => window.__ready, null, { timeout: 20000 }).catch(() => {
      throw new Error(`the benchmark page did not start: ${errors.join("; ")}`);
    });
    await page.waitForFunction(() => window.__ready);
    const validation = [];
    const calls = [];
    for (let r = 0; r < rounds; r++) {
      validation.push(await page.evaluate((t) => window.bench.validationRound(t), ms));
      calls.push(await page.evaluate(([b, t]) => window.bench.callsRound(b, t), [bodies, ms]));
    }
    const version = browser.context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1]));
    return { startup, validation, calls, version };
  } finally {
    await browser.close();
    server.close();
  }
}
