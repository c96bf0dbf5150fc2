import { MedusaPersonalizeError } from "./errors.js";
import { bytesOf } from "./personalization.js";

// sdk.admin: the Admin resources a fulfilment tool or a staff view needs, every one a
// call of the core's table.
export function createAdmin(client) {
  const admin = client.resources("admin");
  admin.upload = {
    /**
     * POST /admin/uploads (multipart, one "files" part per file) -> { files: [{ id, url }] }:
     * `body` is `{ files }` (a FileList or an array of Files, Blobs or bytes) or a FileList.
     */
    async create(body, query, headers) {
      const list = body && typeof body === "object" && "files" in body ? body.files : body;
      const files = list && typeof list[Symbol.iterator] === "function" ? Array.from(list) : [];
      if (files.length === 0) {
        throw new MedusaPersonalizeError("admin.upload.create: body.files must hold at least one file", { kind: "invalid_argument", code: "argument.files" });
      }
      const form = new FormData();
      for (const file of files) {
        const blob = file instanceof Blob ? file : new Blob([await bytesOf(file)]);
        form.append("files", blob, typeof file?.name === "string" ? file.name : "file");
      }
      return client.sendForm("admin.upload.create", "/admin/uploads", form, query, headers);
    },
  };
  return admin;
}

export function createAuth(client) {
  const sessionMode = () => client.config.auth?.type === "session";
  // A new token in use: exchanged for a session cookie in session mode, else stored.
  const useToken = async (token, headers) => {
    if (sessionMode()) {
      await client.fetch("/auth/session", { method: "POST", headers: { ...headers, Authorization: `Bearer ${token}` } });
    } else {
      await client.setToken(token);
    }
  };
  return {
    ...client.resources("auth"),
    /**
     * POST /auth/{actor}/{method}/register: an identity without an actor yet. Its token is
     * stored (in session mode too, as Medusa's JS SDK does: no session before the actor
     * exists) for the `store.customer.create` that follows; returns it.
     */
    async register(actor, method, payload, headers) {
      const { token } = await client.request("auth.register", [actor, method, payload, headers]);
      if (typeof token !== "string") {
        throw new MedusaPersonalizeError("registration answered without a token", { kind: "invalid_response", code: "response.shape" });
      }
      await client.setToken(token);
      return token;
    },
    /** POST /auth/token/refresh: a new JWT for the current one, put in use; returns `{ token }`. */
    async refresh(headers) {
      const response = await client.request("auth.refresh", [headers]);
      await useToken(response.token, headers);
      return response;
    },
    /**
     * POST /auth/{actor}/{method}. With a token: in session mode (`auth.type: "session"`)
     * it is exchanged for a session cookie (POST /auth/session, as Medusa's JS SDK does)
     * and not kept; otherwise it is stored for later requests. Returns the token;
     * third-party providers answer `{ location }` (redirect there) instead.
     */
    async login(actor, method, payload, headers) {
      const response = await client.request("auth.login", [actor, method, payload, headers]);
      if (typeof response.token !== "string") return { location: response.location };
      await useToken(response.token, headers);
      return response.token;
    },
    /** Ends the session (DELETE /auth/session in session mode) and forgets the stored JWT. */
    async logout(headers) {
      if (sessionMode()) await client.fetch("/auth/session", { method: "DELETE", headers });
      await client.clearToken();
    },
  };
}
