// Differential check against Ajv (draft-07): generated schemas and instances must get
// the same valid/invalid verdict from our validator (through the JavaScript API) and
// from Ajv. A seeded generator makes every run the same; MEDUSA_DIFF_CASES raises the count.
import { test } from "node:test";
import assert from "node:assert/strict";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { createSdk, seededRandom as rng } from "./helpers.mjs";


const KEYS = ["a", "b", "c", "message", "font"];
const PATTERNS = ["^[a-z]+$", "\\d{2,3}", "^(ab|cd)*$", "^.{0,3}$", "x|y", "^[A-Z][a-z]*\\s?\\w*$", "^\\p{Lu}{1,3}$", "^[^\\d]*$"];
const STRINGS = ["", "a", "ab", "abc", "abcd", "AMZ", "Zoë", "12", "123", "x y", "2024-02-30", "2024-02-29", "ABCD", "élan", "\u{1F600}", "cdab", "1.5", "Ab c"];
const FORMATS = ["date", "ipv4", "email"];

function generator(random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const chance = (p) => random() < p;

  function value(depth = 0) {
    switch (int(0, depth > 1 ? 4 : 6)) {
      case 0: return null;
      case 1: return chance(0.5);
      case 2: return chance(0.5) ? int(-5, 20) : int(-50, 50) / 4;
      case 3: case 4: return pick(STRINGS);
      case 5: return Array.from({ length: int(0, 4) }, () => value(depth + 1));
      default: return Object.fromEntries(Array.from({ length: int(0, 4) }, () => [pick(KEYS), value(depth + 1)]));
    }
  }

  function schema(depth = 0) {
    const s = {};
    const types = ["string", "number", "integer", "boolean", "array", "object", "null"];
    if (chance(0.5)) s.type = chance(0.8) ? pick(types) : [pick(types), pick(types)].filter((t, i, a) => a.indexOf(t) === i);
    if (chance(0.15)) {
      const seen = new Set();
      s.enum = Array.from({ length: int(1, 3) }, () => value(2)).filter((v) => !seen.has(JSON.stringify(v)) && seen.add(JSON.stringify(v)));
    }
    if (chance(0.05)) s.const = value(2);
    if (chance(0.3)) { s.minLength = int(0, 3); if (chance(0.5)) s.maxLength = s.minLength + int(0, 3); }
    if (chance(0.25)) s.pattern = pick(PATTERNS);
    if (chance(0.1)) s.format = pick(FORMATS);
    if (chance(0.3)) s.minimum = int(-5, 5);
    if (chance(0.2)) s.maximum = int(0, 15);
    if (chance(0.1)) s.exclusiveMinimum = int(-5, 5);
    if (chance(0.1)) s.exclusiveMaximum = int(0, 15);
    if (chance(0.1)) s.multipleOf = pick([1, 2, 3, 0.5, 0.25]);
    if (depth < 2) {
      if (chance(0.25)) s.items = chance(0.7) ? schema(depth + 1) : [schema(depth + 1), schema(depth + 1)];
      if (chance(0.1)) s.additionalItems = chance(0.5) ? false : schema(depth + 1);
      if (chance(0.15)) s.contains = schema(depth + 1);
      if (chance(0.3)) s.properties = Object.fromEntries(Array.from({ length: int(1, 3) }, () => [pick(KEYS), schema(depth + 1)]));
      if (chance(0.2)) s.required = [...new Set(Array.from({ length: int(1, 2) }, () => pick(KEYS)))];
      if (chance(0.15)) s.additionalProperties = chance(0.6) ? false : schema(depth + 1);
      if (chance(0.1)) s.patternProperties = { [pick(["^a", "e$", "^[bc]$"])]: schema(depth + 1) };
      if (chance(0.1)) s.propertyNames = { maxLength: int(1, 5) };
      if (chance(0.08)) s.dependencies = { [pick(KEYS)]: chance(0.5) ? [pick(KEYS)] : schema(depth + 1) };
      if (chance(0.1)) s.allOf = [schema(depth + 1), schema(depth + 1)];
      if (chance(0.1)) s.anyOf = [schema(depth + 1), schema(depth + 1)];
      if (chance(0.1)) s.oneOf = [schema(depth + 1), schema(depth + 1)];
      if (chance(0.08)) s.not = schema(depth + 1);
      if (chance(0.08)) { s.if = schema(depth + 1); s.then = schema(depth + 1); if (chance(0.5)) s.else = schema(depth + 1); }
    }
    if (chance(0.1)) { s.minItems = int(0, 2); s.maxItems = s.minItems + int(0, 3); }
    if (chance(0.08)) s.uniqueItems = true;
    if (chance(0.08)) { s.minProperties = int(0, 2); s.maxProperties = s.minProperties + int(0, 2); }
    return s;
  }
  return { schema, value };
}

test("our validator and Ajv agree on generated schemas and instances", async () => {
  const sdk = await createSdk({ baseUrl: "http://unused.test" });
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: true });
  addFormats(ajv, ["date", "ipv4", "email"]);
  const { schema, value } = generator(rng(20261125));
  const cases = Number(process.env.MEDUSA_DIFF_CASES ?? 4000);
  let compared = 0;
  let valid = 0;
  const disagreements = [];
  for (let i = 0; i < cases; i++) {
    const s = { $schema: "http://json-schema.org/draft-07/schema#", ...schema() };
    let check = null;
    let ours = null;
    try { check = ajv.compile(s); } catch { /* refused */ }
    try { ours = sdk.personalization.compile(s); } catch { /* refused */ }
    if (!check || !ours) {
      if (Boolean(check) !== Boolean(ours) && disagreements.length < 5) disagreements.push({ schema: s, ajvCompiles: Boolean(check), oursCompiles: Boolean(ours) });
      ours?.dispose();
      continue;
    }
    for (let j = 0; j < 6; j++) {
      const data = value();
      const theirs = check(data);
      const mine = ours.validateJson(data).valid;
      compared++;
      if (mine) valid++;
      if (theirs !== mine && disagreements.length < 5) disagreements.push({ schema: s, data, ajv: theirs, ours: mine });
    }
    ours.dispose();
  }
  assert.deepEqual(disagreements, [], `${disagreements.length} disagreements in ${compared} cases`);
  // The generator must exercise both verdicts, or the agreement says little.
  assert.ok(valid > compared * 0.15 && valid < compared * 0.85, `${valid} of ${compared} valid`);
  console.log(`# ${compared} verdicts compared (${valid} valid), all equal`);
});
