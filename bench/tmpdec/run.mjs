import { build } from "esbuild";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { launchChromium } from "/work/main/tests/js/browser.mjs";
const repo = process.argv[2] ?? "/work/main", dir = "/tmp/cdec/out";
const pages = { empty: "/tmp/cdec/empty.mjs", marks: "/tmp/cdec/" + (process.env.MARKS ?? "marks") + ".mjs", ajv: `${repo}/bench/js/page/ajv-start.mjs` };
for (const [name, entry] of Object.entries(pages)) {
  await build({ entryPoints: [entry], bundle: true, minify: true, format: "esm", platform: "browser", target: "es2022", outfile: `${dir}/${name}.js`, alias: { "@repo": repo }, logLevel: "silent", nodePaths: [`${repo}/node_modules`] });
  writeFileSync(`${dir}/${name}.html`, `<!doctype html><meta charset="utf-8"><script>window.__t0 = performance.now()</script><script type="module" src="${name}.js"></script>`);
}
copyFileSync(`${repo}/web/dist/medusa_personalize.wasm`, `${dir}/medusa_personalize.wasm`);
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm" };
const server = http.createServer((req, res) => { const f = path.join(dir, path.basename(new URL(req.url, "http://x").pathname)); try { const b = readFileSync(f); res.writeHead(200, { "content-type": TYPES[path.extname(f)] ?? "x", "cache-control": "no-store" }); res.end(b); } catch { res.writeHead(404).end(); } });
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const browser = await launchChromium();
const out = { empty: [], marks: [], ajv: [] }; const parts = [];
for (let i = 0; i < Number(process.argv[3] ?? 10); i++) for (const name of Object.keys(out)) {
  const page = await browser.context.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/${name}.html`);
  const r = await (await page.waitForFunction(() => window.__result, null, { timeout: 60000 })).jsonValue();
  out[name].push(r.ms); if (r.t) parts.push(r.t); await page.close();
}
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
for (const [k, v] of Object.entries(out)) console.log(k, med(v).toFixed(1), v.map(x => x.toFixed(0)).join(" "));
for (let j = 0; j < parts[0].length; j++) console.log("mark", j, med(parts.map(p => p[j])).toFixed(1));
await browser.close(); server.close();
