// medusa-personalize: personalized products for Medusa v2. One C++ core (WebAssembly)
// builds and checks every request, validates personalizations and builds line-item
// metadata; this package moves the bytes with fetch and returns plain objects.
import { createAdmin, createAuth } from "./admin.js";
import { Client } from "./client.js";
import { Core } from "./core.js";
import { loadModule } from "./module.js";
import { Personalization } from "./personalization.js";
import { createStore } from "./store.js";

export { FetchError, MedusaPersonalizeError, PersonalizationValidationError } from "./errors.js";
export { PersonalizationSchema } from "./personalization.js";

let corePromise = null;

function loadCore(options) {
  if (!corePromise) {
    corePromise = loadModule(options).then(
      (module) => new Core(module),
      (error) => {
        corePromise = null;
        throw error;
      },
    );
  }
  return corePromise;
}

export const MedusaPersonalize = {
  /**
   * Loads the WebAssembly module (once) and returns a client shaped like Medusa's JS SDK:
   * `{ client, store, admin, auth, personalization }`.
   */
  async create(config) {
    const core = await loadCore({ wasm: config?.wasm });
    const client = new Client(core, config);
    const personalization = new Personalization(core);
    const store = createStore(client, personalization);
    personalization.uploadImage = store.personalization.uploadImage;
    return {
      client,
      store,
      admin: createAdmin(client),
      auth: createAuth(client),
      personalization,
    };
  },
};

/**
 * The personalization engine alone, without an HTTP client: for servers and workers
 * (the Medusa plugin, a print worker in Node) that validate what they receive. Shares
 * the one WebAssembly instance of this realm with `MedusaPersonalize.create`.
 */
export async function loadPersonalization(options) {
  return new Personalization(await loadCore({ wasm: options?.wasm }));
}

export default MedusaPersonalize;
