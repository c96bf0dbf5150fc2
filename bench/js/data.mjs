// The realistic personalization schema of the benchmark issue (message with pattern and
// length, font enum, colour pattern, size range, image object with pixel minimums), a
// valid payload and an invalid one with an issue in every field. No Node APIs: the
// browser benchmarks bundle it too.
export const schema = {
  type: "object",
  required: ["message", "font"],
  additionalProperties: false,
  properties: {
    message: { type: "string", minLength: 1, maxLength: 40, pattern: "^[\\p{L}\\p{M}\\p{N}\\p{Zs}.,!?'&@#:()-]+$" },
    font: { type: "string", enum: ["Serif", "Script", "Mono"] },
    colour: { type: "string", pattern: "^#[0-9a-fA-F]{6}$" },
    size: { type: "number", minimum: 6, maximum: 72 },
    photo: {
      type: "object",
      required: ["url", "width", "height"],
      properties: { url: { type: "string", format: "uri" }, width: { type: "integer", minimum: 800 }, height: { type: "integer", minimum: 800 } },
    },
  },
};
export const valid = { message: "Happy birthday, Anna!", font: "Script", colour: "#ff0000", size: 12, photo: { url: "https://x.test/a.png", width: 1200, height: 1600 } };
export const invalid = { message: "<b>", font: "Comic", colour: "red", size: 100, photo: { url: "not a uri", width: 10, height: 10 }, extra: 1 };

/**
 * The validation cases the benchmarks time, each as [ours, Ajv's] calls:
 * `validate(value)` through our public API, `check(value)` Ajv's compiled function.
 */
export function validationCases(validate, check) {
  const validText = JSON.stringify(valid);
  return {
    "valid, object in": [() => validate(valid), () => check(valid)],
    "invalid (all errors), object in": [() => validate(invalid), () => check(invalid)],
    "valid, JSON text in": [() => validate(JSON.parse(validText)), () => check(JSON.parse(validText))],
  };
}
