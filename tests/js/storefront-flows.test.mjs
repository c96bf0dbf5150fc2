// What a storefront developer hits in the first hour, against the mock backend (the same
// cases as against a real Medusa with the plugin: tests/shared/storefront-cases.mjs).
import { after } from "node:test";
import { startShirtTarget } from "./helpers.mjs";
import { defineStorefrontCases } from "../shared/storefront-cases.mjs";

let target;
after(() => target?.stop());
defineStorefrontCases(async () => (target = await startShirtTarget()));
