// Writes the package's entry points: web/dist/index.js, the JavaScript layer (web/src)
// as one ES module; web/dist/form.js, the form model (medusa-personalize/form); and
// web/dist/element.js, the <medusa-personalization-form> element (medusa-personalize/element). Node loads one file instead of nine, which took 2.6 ms off a cold
// start (bench/README.md); bundlers see the same code as in web/src. The Emscripten
// glue stays a file of its own, imported as "../dist/medusa_personalize.mjs", a path
// that resolves from web/dist as it does from web/src.
//
//   node scripts/bundle-js.mjs [output directory, default web/dist]
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outdir = path.resolve(process.argv[2] ?? path.join(repo, "web/dist"));
const { version } = JSON.parse(readFileSync(path.join(repo, "package.json"), "utf8"));

await build({
  entryPoints: ["index.js", "form.js", "element.js"].map((entry) => path.join(repo, "web/src", entry)),
  outdir,
  bundle: true,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  external: ["../dist/medusa_personalize.mjs"],
  banner: { js: `// medusa-personalize ${version}: built from web/src by scripts/bundle-js.mjs.` },
  logLevel: "warning",
});
