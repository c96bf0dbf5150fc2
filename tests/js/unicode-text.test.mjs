// NFC and grapheme counting through the npm package (WebAssembly) against this Node's own
// `String.prototype.normalize("NFC")` and `Intl.Segmenter` (ICU 78, Unicode 17.0, as in
// current Chromium): every code point alone, every code point after a base letter and
// before combining marks, and seeded random sequences built from the classes the rules
// care about (marks of every combining class, Hangul jamo and syllables, composites,
// regional indicators, emoji with ZWJ and modifiers, Indic consonants and viramas,
// prepended and spacing marks, controls). MEDUSA_UNICODE_CASES raises the random count.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createSdk, repo, seededRandom as rng } from "./helpers.mjs";

const CASES = Number(process.env.MEDUSA_UNICODE_CASES ?? 20000);
const sdk = await createSdk({ baseUrl: "http://127.0.0.1:9" });
// A list of texts is put in NFC item by item and left otherwise untouched: one call
// normalizes a whole batch.
const lists = sdk.personalization.compile({ type: "object", properties: { texts: { type: "array" } } });
const nfc = (texts) => lists.normalize({ texts }).texts;
const counted = sdk.personalization.compile({
  type: "object",
  properties: { text: { type: "string", "x-maxGraphemes": 1000, "x-trim": false } },
});
const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
const graphemes = (s) => [...segmenter.segment(s)].length;


function codePoints(file, keep = () => true) {
  const out = new Map();
  for (const line of readFileSync(path.join(repo, "scripts/unicode/ucd", file), "utf8").split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const [points, value] = line.split(";").map((f) => f.trim());
    if (!keep(value)) continue;
    const [first, last = first] = points.split("..").map((h) => parseInt(h, 16));
    if (!out.has(value)) out.set(value, []);
    for (let cp = first; cp <= last; cp++) out.get(value).push(cp);
  }
  return out;
}

const isScalar = (cp) => cp < 0xd800 || cp > 0xdfff;

// A text of 1 to `longest` code points, each from a pool picked at random.
function randomText(random, pools, longest) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  let s = "";
  for (let n = 1 + Math.floor(random() * longest); n > 0; n--) s += String.fromCodePoint(pick(pick(pools)));
  return s;
}
const hex = (s) => [...s].map((c) => c.codePointAt(0).toString(16).toUpperCase()).join(" ");

function compareNfc(texts) {
  const ours = nfc(texts);
  const wrong = [];
  texts.forEach((t, i) => {
    if (ours[i] !== t.normalize("NFC")) wrong.push(`${hex(t)} -> ${hex(ours[i])}, not ${hex(t.normalize("NFC"))}`);
  });
  return wrong;
}

test("NFC: every code point alone, and after a base letter before two marks", () => {
  const wrong = [];
  let batch = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (!isScalar(cp)) continue;
    const c = String.fromCodePoint(cp);
    batch.push(c, `a${c}\u0301\u0323`);
    if (batch.length >= 20000) wrong.push(...compareNfc(batch)), (batch = []);
  }
  wrong.push(...compareNfc(batch));
  assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} code points differ`);
});

test("NFC: random sequences of composites, marks of every class and Hangul", () => {
  const random = rng(0x6e6663);
  const marks = [...codePoints("CombiningClass.txt").values()].flat();
  const decomposed = [...codePoints("CanonicalDecompositions.txt").values()].flat();
  const pools = [
    marks,
    decomposed,
    [0x1100, 0x1112, 0x1161, 0x1175, 0x11a7, 0x11a8, 0x11c2, 0xac00, 0xac01, 0xd7a3, 0xd788],
    [0x41, 0x61, 0x45, 0x65, 0x4f, 0x6f, 0x55, 0x3b1, 0x3c9, 0x438, 0x915, 0x9c7, 0xb47, 0x1025],
  ];
  const texts = Array.from({ length: CASES }, () => randomText(random, pools, 8));
  const wrong = compareNfc(texts);
  assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} of ${texts.length} sequences differ`);
});

test("graphemes: random sequences over every break class, as Intl.Segmenter counts", () => {
  const random = rng(0x67726170);
  const classes = codePoints("GraphemeBreak.txt");
  const pictographic = codePoints("BinaryProperties.txt", (v) => v === "Extended_Pictographic").get("Extended_Pictographic");
  // A few code points of each class (all of the small ones), so every rule is met often.
  const sample = (list, n) => Array.from({ length: Math.min(n, list.length) }, () => list[Math.floor(random() * list.length)]);
  const pools = [...classes.values()].map((list) => sample(list, 12));
  pools.push(sample(pictographic, 24), [0x200d, 0x200d], [0x1f3fb, 0x1f3ff], [0x61, 0x20, 0x31], [0xfe0f]);
  const wrong = [];
  for (let i = 0; i < CASES; i++) {
    const s = randomText(random, pools, 10);
    const { length } = counted.fieldLength("text", s);
    // fieldLength counts the stored text, which is in NFC: Intl.Segmenter is given the same.
    const expected = graphemes(s.normalize("NFC"));
    if (length !== expected) wrong.push(`${hex(s)}: ${length}, not ${expected}`);
  }
  assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} of ${CASES} sequences differ`);
});

test("graphemes: the verdict of x-maxGraphemes is the count the counter shows", () => {
  const ring = sdk.personalization.compile({
    type: "object",
    properties: { engraving: { type: "string", "x-maxGraphemes": 3 } },
  });
  const family = "👨‍👩‍👧";
  assert.deepEqual(ring.fieldLength("engraving", ` 🇫🇷${family}e\u0301 `), { length: 3, min: null, max: 3, unit: "graphemes" });
  assert.equal(ring.validate({ engraving: `🇫🇷${family}e\u0301` }).valid, true);
  const over = ring.validate({ engraving: `🇫🇷${family}e\u0301!` });
  assert.deepEqual(over.issues.map((i) => [i.code, i.params]), [["max_graphemes", { limit: 3, actual: 4 }]]);
  // The stored text is NFC: "é" typed as e + U+0301 is sent as one code point.
  assert.equal(ring.buildMetadata({ engraving: "Zoe\u0308" }).engraving, "Zo\u00eb");
  assert.deepEqual(ring.fieldLength("unknown", "abc"), { length: 3, min: null, max: null, unit: "code_points" });
  ring.dispose();
  assert.throws(() => ring.fieldLength("engraving", "a"), { code: "personalization.schema_released" });
});
