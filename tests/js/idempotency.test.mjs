// Safe retries of an add against the mock backend (the same cases as against a real
// Medusa with the plugin: tests/shared/idempotency-cases.mjs).
import { after } from "node:test";
import { startShirtTarget } from "./helpers.mjs";
import { defineIdempotencyCases } from "../shared/idempotency-cases.mjs";

let target;
after(() => target?.stop());
defineIdempotencyCases(async () => (target = await startShirtTarget()));
