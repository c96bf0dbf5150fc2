// JSON text from caller values, with JavaScript's own failure modes (cycles, BigInt,
// functions, undefined) turned into typed errors before anything reaches the core.
import { MedusaPersonalizeError } from "./errors.js";

/** JSON.stringify that throws MedusaPersonalizeError(kind "invalid_argument"). */
export function toJsonText(value, what) {
  if (value === undefined) {
    throw new MedusaPersonalizeError(`${what} is undefined`, { kind: "invalid_argument", code: "argument.undefined" });
  }
  let text;
  try {
    text = JSON.stringify(value);
  } catch (cause) {
    const cyclic = /circular|cyclic/i.test(String(cause?.message));
    throw new MedusaPersonalizeError(
      cyclic ? `${what} contains a cycle and cannot be sent as JSON` : `${what} cannot be sent as JSON: ${cause?.message}`,
      { kind: "invalid_argument", code: cyclic ? "argument.cyclic" : "argument.not_json", cause },
    );
  }
  if (text === undefined) {
    throw new MedusaPersonalizeError(`${what} (a ${typeof value}) cannot be sent as JSON`, {
      kind: "invalid_argument",
      code: "argument.not_json",
    });
  }
  return text;
}
