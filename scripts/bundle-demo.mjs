// Builds what the demo pages load, so a phone does not wait on a chain of modules or an
// uncompressed .wasm: the storefront and the staff view bundled (web/demo/build/, esbuild,
// minified, the SDK shared as a chunk), and the WebAssembly module precompressed
// (web/dist/medusa_personalize.wasm.br and .gz) for the mock backend to send to browsers
// that accept them. Run by scripts/demo.sh after scripts/build-wasm.sh.
//
//   node scripts/bundle-demo.mjs
import { build } from "esbuild";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outdir = path.join(repo, "web/demo/build");
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: ["storefront.js", "staff.js"].map((entry) => path.join(repo, "web/demo/js", entry)),
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  logLevel: "warning",
});

const wasm = path.join(repo, "web/dist/medusa_personalize.wasm");
const bytes = readFileSync(wasm);
writeFileSync(`${wasm}.br`, zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
writeFileSync(`${wasm}.gz`, zlib.gzipSync(bytes, { level: 9 }));
