// Cold start in a page: import the SDK, load the module, compile the schema, validate.
import { MedusaPersonalize } from "@repo/web/src/index.js";
import { schema, valid } from "@repo/bench/js/data.mjs";

const sdk = await MedusaPersonalize.create({ baseUrl: location.origin });
const ok = sdk.personalization.compile(schema).validate(valid).valid;
window.__result = { ms: performance.now() - window.__t0, ok };
