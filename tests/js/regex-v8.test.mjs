// The regex engine against V8's own RegExp with the u flag, through the npm package: on
// generated patterns (look-arounds, properties, anchors, quantifiers; no back-references,
// which the engine refuses) every match verdict must be V8's, and on generated character
// soup `format: "regex"` must accept exactly what `new RegExp(p, "u")` accepts. Seeded, so
// every run is the same; MEDUSA_REGEX_CASES raises the count.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createSdk, seededRandom as rng } from "./helpers.mjs";

const CASES = Number(process.env.MEDUSA_REGEX_CASES ?? 3000);


const LETTERS = ["a", "b", "c", "é", "A", "Z", "🎉", "❤", " ", "1", "-", ".", "ж"];
const SETS = ["[a-c]", "[^a]", "[\\d\\s]", "\\d", "\\w", "\\s", "\\S", "\\W", ".", "\\p{L}", "\\p{Lu}", "\\P{L}",
  "\\p{sc=Latin}", "\\p{Script=Cyrillic}", "\\p{scx=Cyrl}", "\\p{Emoji}", "\\p{ExtPict}", "\\p{EPres}", "[\\p{Alpha}1]",
  "\\p{White_Space}", "[^\\p{N}\\p{Zs}]", "\\p{Any}", "\\p{ASCII}", "[é-ж]", "\\u{1F389}", "\\x41"];
const QUANTIFIERS = ["*", "+", "?", "{0,2}", "{2}", "{1,}", "*?", "+?", "??", "{1,3}?"];
const ASSERTIONS = ["^", "$", "\\b", "\\B"];
const LOOKS = ["(?=", "(?!", "(?<=", "(?<!"];

function patternGenerator(random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const chance = (p) => random() < p;
  const escape = (c) => (/[.*+?^${}()|[\]\\/-]/.test(c) && c !== "-" ? "\\" + c : c);
  function term(depth) {
    const r = random();
    if (r < 0.3) return escape(pick(LETTERS));
    if (r < 0.5) return pick(SETS);
    if (r < 0.6) return pick(ASSERTIONS);
    if (depth < 3 && r < 0.75) return pick(LOOKS) + alternation(depth + 1) + ")";
    if (depth < 3) return (chance(0.5) ? "(" : "(?:") + alternation(depth + 1) + ")";
    return escape(pick(LETTERS));
  }
  function quantified(depth) {
    const t = term(depth);
    const quantifiable = !ASSERTIONS.includes(t) && !LOOKS.some((l) => t.startsWith(l));
    return quantifiable && chance(0.3) ? t + pick(QUANTIFIERS) : t;
  }
  function sequence(depth) {
    return Array.from({ length: 1 + Math.floor(random() * 4) }, () => quantified(depth)).join("");
  }
  function alternation(depth) {
    return chance(0.2) ? sequence(depth) + "|" + sequence(depth) : sequence(depth);
  }
  return () => alternation(0);
}

function text(random) {
  const length = Math.floor(random() * 7);
  return Array.from({ length }, () => LETTERS[Math.floor(random() * LETTERS.length)]).join("");
}

// V8's verdict, tried only at code point boundaries as the spec's u-mode search does
// (RegExpBuiltinExec advances lastIndex by whole code points). V8 itself also tries the
// position inside a surrogate pair for an empty match: /\B/u.test("1🎉c") is true there,
// matching at UTF-16 index 2, between the halves of 🎉.
function v8Search(sticky, subject) {
  for (let i = 0; i <= subject.length; i += i < subject.length && subject.codePointAt(i) > 0xffff ? 2 : 1) {
    sticky.lastIndex = i;
    if (sticky.test(subject)) return true;
  }
  return false;
}

function v8Accepts(pattern) {
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    return false;
  }
}

const sdk = await createSdk({ baseUrl: "http://unused.test" });

test("generated patterns: every match verdict is V8's", () => {
  const random = rng(20261208);
  const next = patternGenerator(random);
  let compared = 0, withLookaround = 0;
  const disagreements = [];
  for (let i = 0; i < CASES; i++) {
    const pattern = next();
    if (!v8Accepts(pattern)) continue;  // e.g. a group of only a quantified assertion
    let schema;
    try {
      schema = sdk.personalization.compile({ type: "string", pattern });
    } catch (e) {
      disagreements.push(`${pattern}: V8 compiles it, the engine says ${e.code}: ${e.message}`);
      continue;
    }
    const v8 = new RegExp(pattern, "uy");
    if (LOOKS.some((l) => pattern.includes(l))) ++withLookaround;
    for (let k = 0; k < 8; k++) {
      const subject = text(random);
      const ours = schema.validate(subject).valid;
      if (ours !== v8Search(v8, subject)) disagreements.push(`${pattern} on ${JSON.stringify(subject)}: V8 ${!ours}, engine ${ours}`);
      ++compared;
    }
    schema.release?.();
  }
  assert.deepEqual(disagreements.slice(0, 10), []);
  assert.ok(withLookaround > CASES / 4, `look-arounds in ${withLookaround} patterns`);
  console.log(`regex vs V8: ${compared} verdicts on generated patterns agree (${withLookaround} patterns with look-arounds)`);
});

test("format: regex accepts exactly what new RegExp(p, \"u\") accepts", () => {
  const random = rng(7);
  const soup = "()[]{}?*+|^$\\.-,=!<>:abdkpuxcBDPSW019L ";
  const format = sdk.personalization.compile({ format: "regex" });
  const next = patternGenerator(random);
  const disagreements = [];
  let accepted = 0;
  const cases = [];
  for (let i = 0; i < CASES; i++) {
    const length = 1 + Math.floor(random() * 7);
    cases.push(Array.from({ length }, () => soup[Math.floor(random() * soup.length)]).join(""));
    cases.push(next());
  }
  // Valid ECMAScript the engine does not run stays valid for format: regex.
  cases.push("(a)\\1", "(?<n>a)\\k<n>", "\\p{Lowercase}", "\\p{ID_Start}+");
  for (const pattern of cases) {
    const expected = v8Accepts(pattern);
    accepted += expected ? 1 : 0;
    if (format.validate(pattern).valid !== expected) disagreements.push(`${JSON.stringify(pattern)}: V8 says ${expected ? "valid" : "invalid"}`);
  }
  assert.deepEqual(disagreements.slice(0, 10), []);
  console.log(`format regex vs V8: ${cases.length} patterns, ${accepted} valid, all verdicts agree`);
});
