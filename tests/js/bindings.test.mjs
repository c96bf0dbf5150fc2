// The module's Embind interface as the JavaScript layer meets it. The module registers
// only the builtin types its functions use (bindings/embind_types.cpp); a function whose
// signature names another type would be registered as a stub throwing UnboundTypeError.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadModule } from "../../web/src/module.js";
import { repo } from "./helpers.mjs";

const registered = [
  ...readFileSync(path.join(repo, "bindings/medusa_personalize_wasm.cpp"), "utf8").matchAll(
    /\bfunction\("(\w+)"/g,
  ),
].map((match) => match[1]);

test("every function the module registers has all its argument and return types bound", async () => {
  const module = await loadModule();
  assert.ok(registered.length >= 19, `found the registrations (${registered.length})`);
  const unbound = [];
  for (const name of registered) {
    assert.equal(typeof module[name], "function", `${name} is exported`);
    try {
      // Called without arguments: a bound function checks its argument count (or runs,
      // taking none); an unbound one throws before looking at them.
      module[name]();
    } catch (error) {
      if (error instanceof module.UnboundTypeError) unbound.push(error.message);
      else assert.ok(error instanceof module.BindingError, `${name}: ${error}`);
    }
  }
  assert.deepEqual(unbound, []);
});
