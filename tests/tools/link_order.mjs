// The WebAssembly module's speed depends on the order of objects on its link line: a
// template instantiated both in a file built for size (-Os) and in one built for speed
// keeps the first copy the linker meets, and an -Os copy in the validator's hot path made
// validation 15% slower (2x when the Embind layer came first). This check fails when the
// order breaks: every object built for speed before every object built for size, the
// Embind layer's objects last (bindings/CMakeLists.txt says why).
//   node tests/tools/link_order.mjs <the link's objects file> <sdk/CMakeLists.txt>
import { readFileSync } from "node:fs";

const [objectsFile, sdkLists] = process.argv.slice(2);
const objects = readFileSync(objectsFile, "utf8").split(/\s+/).filter((o) => o.endsWith(".o"));
const lists = readFileSync(sdkLists, "utf8");
const sizeBlock = /set_source_files_properties\(([^)]*?)PROPERTIES COMPILE_OPTIONS "-Os/.exec(lists);
if (!sizeBlock) throw new Error(`no -Os file list in ${sdkLists}`);
const forSize = new Set(sizeBlock[1].split(/\s+/).filter((f) => f.endsWith(".cpp")).map((f) => `${f}.o`));
const core = objects.filter((o) => o.includes("/medusa_personalize.dir/"));
const sourceOf = (o) => o.slice(o.indexOf("/medusa_personalize.dir/") + "/medusa_personalize.dir/".length);
const problems = [];
if (core.length < 20) problems.push(`only ${core.length} core objects on the link line`);
for (const f of forSize) if (!core.some((o) => sourceOf(o) === f)) problems.push(`${f} (built for size) is not on the link line`);
const firstForSize = core.findIndex((o) => forSize.has(sourceOf(o)));
core.forEach((o, i) => {
  if (i > firstForSize && !forSize.has(sourceOf(o))) problems.push(`${sourceOf(o)} (built for speed) comes after ${sourceOf(core[firstForSize])} (built for size)`);
});
const lastCore = objects.lastIndexOf(core.at(-1));
objects.forEach((o, i) => {
  if (o.includes("medusa_personalize_bindings.dir") && i < lastCore) problems.push(`${o} (the Embind layer) comes before a core object`);
});
if (!objects.some((o) => o.includes("medusa_personalize_bindings.dir"))) problems.push("the Embind layer's objects are not on the link line");
if (problems.length) {
  console.error(`link order of the WebAssembly module:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(`link order: ${core.length - forSize.size} objects built for speed, then ${forSize.size} built for size, then the Embind layer`);
