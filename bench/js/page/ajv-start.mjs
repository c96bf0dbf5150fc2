// Cold start in a page, the peer: import Ajv + ajv-formats, compile the schema, validate.
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { schema, valid } from "@repo/bench/js/data.mjs";

const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: true });
addFormats(ajv);
const ok = ajv.compile(schema)(valid);
window.__result = { ms: performance.now() - window.__t0, ok };
