// Lists the largest functions of a .wasm built with --profiling-funcs (names kept), and
// sums them by C++ namespace/prefix: where the module's bytes go.
//   node scripts/wasm_size_report.mjs build/x.wasm [top]
import { readFileSync } from "node:fs";

const bytes = readFileSync(process.argv[2]);
const top = Number(process.argv[3] ?? 40);
let at = 8;
const leb = () => {
  let result = 0, shift = 0, b;
  do { b = bytes[at++]; result += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
  return result;
};
const imports = { count: 0 };
let bodies = [], names = new Map(), dataBytes = 0;
while (at < bytes.length) {
  const id = bytes[at++], size = leb(), end = at + size;
  if (id === 2) {
    const n = leb();
    for (let i = 0; i < n; i++) {
      // module and field names (read the length before adding: `at += leb()` would
      // add it to the position from before the length)
      for (let k = 0; k < 2; k++) { const length = leb(); at += length; }
      const kind = bytes[at++];
      if (kind === 0) { leb(); imports.count++; }
      else if (kind === 1) { at++; const f = leb(); leb(); if (f & 1) leb(); }
      else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); }
      else if (kind === 3) { at += 2; }
      else if (kind === 4) { at++; leb(); }
    }
  } else if (id === 10) {
    const n = leb();
    for (let i = 0; i < n; i++) { const s = leb(); bodies.push(s); at += s; }
  } else if (id === 11) {
    dataBytes = size;
  } else if (id === 0) {
    const nameLen = leb(); const name = bytes.subarray(at, at + nameLen).toString(); at += nameLen;
    if (name === "name") {
      while (at < end) {
        const sub = bytes[at++], subSize = leb(), subEnd = at + subSize;
        if (sub === 1) {
          const n = leb();
          for (let i = 0; i < n; i++) { const idx = leb(); const l = leb(); names.set(idx, bytes.subarray(at, at + l).toString()); at += l; }
        }
        at = subEnd;
      }
    }
  }
  at = end;
}
const rows = bodies.map((s, i) => [s, names.get(i + imports.count) ?? `func${i + imports.count}`]);
rows.sort((a, b) => b[0] - a[0]);
const total = rows.reduce((t, [s]) => t + s, 0);
console.log(`code ${total} bytes in ${rows.length} functions; data ${dataBytes} bytes`);
for (const [s, n] of rows.slice(0, top)) console.log(String(s).padStart(8), n.slice(0, 150));
// A function belongs to the code that asked for it: its own qualified name (parameter
// types left out), so Evaluator::eval(json) counts as the validator, and
// std::__function::__func<medusa::api::...> as the REST layer.
const ownName = (n) => {
  let depth = 0;
  for (let i = 0; i < n.length; i++) {
    if (n[i] === "<") depth++;
    else if (n[i] === ">") depth--;
    else if (n[i] === "(" && depth === 0 && i > 0) return n.slice(0, i);
  }
  return n;
};
const groupOf = (n) => {
  const own = ownName(n);
  const medusa = own.match(/medusa::(?:detail::)?[a-z_]+/)?.[0];
  if (/^(?:[\w:]+ )?nlohmann::/.test(own)) return "nlohmann/json";
  if (medusa) return medusa.replace("::detail", "");
  if (own.startsWith("(anonymous namespace)::")) return "bindings";
  if (/nlohmann/.test(own)) return "nlohmann/json";
  if (/^(?:[\w:]+ )?std::/.test(own)) return "libc++";
  if (/^(?:emscripten::|_?embind|__embind)/.test(own)) return "embind";
  if (/^__cxxabiv1|^__cxa|^_Unwind/.test(own)) return "c++abi";
  return "libc/runtime";
};
const groups = new Map();
for (const [s, n] of rows) {
  const key = groupOf(n);
  groups.set(key, (groups.get(key) ?? 0) + s);
}
console.log("\nby group:");
for (const [k, s] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(String(s).padStart(8), k);
