// The Unicode extracts the regex tables are generated from (scripts/unicode/ucd/) against
// this Node's own `\p{..}` (V8 with ICU, Unicode 17.0 like current Chromium), on every code
// point: a table from another Unicode version, or a wrong extract, fails here. The
// tables themselves are held to these files by the doctest (test_regex_unicode.cpp).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { repo } from "./helpers.mjs";

function grouped(file) {
  const groups = new Map();
  for (const line of readFileSync(path.join(repo, "scripts/unicode/ucd", file), "utf8").split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const [points, value] = line.split(";").map((f) => f.trim());
    const [first, last = first] = points.split("..").map((h) => parseInt(h, 16));
    if (!groups.has(value)) groups.set(value, []);
    groups.get(value).push([first, last]);
  }
  return groups;
}

// Code points where `\p{property}` and the file's ranges disagree.
function differences(property, ranges) {
  const inFile = new Uint8Array(0x110000);
  for (const [first, last] of ranges) inFile.fill(1, first, last + 1);
  const re = new RegExp(`^\\p{${property}}$`, "u");
  const wrong = [];
  for (let cp = 0; cp < 0x110000; cp++) {
    if (re.test(String.fromCodePoint(cp)) !== (inFile[cp] === 1)) wrong.push(cp.toString(16));
  }
  return wrong;
}

test("the UCD extracts agree with this Node's \\p{..} on every code point", { skip: process.versions.unicode !== "17.0" && `Node's Unicode is ${process.versions.unicode}` }, () => {
  const disagreements = [];
  let properties = 0;
  for (const [file, prefix] of [["GeneralCategory.txt", "gc="], ["Scripts.txt", "Script="], ["BinaryProperties.txt", ""]]) {
    for (const [value, ranges] of grouped(file)) {
      const wrong = differences(prefix + value, ranges);
      if (wrong.length) disagreements.push(`${prefix}${value}: ${wrong.length} code points, e.g. U+${wrong[0]}`);
      ++properties;
    }
  }
  assert.deepEqual(disagreements, []);
  assert.ok(properties > 250, `${properties} properties`);
  console.log(`unicode data vs V8: ${properties} properties agree on all 1,114,112 code points`);
});
