// Image references checked against the mock's uploads (the same cases as against a real
// Medusa with the plugin: tests/shared/image-reference-cases.mjs).
import { after } from "node:test";
import { startShirtTarget } from "./helpers.mjs";
import { defineImageReferenceCases } from "../shared/image-reference-cases.mjs";

let target;
after(() => target?.stop());
defineImageReferenceCases(async () => (target = await startShirtTarget()));
