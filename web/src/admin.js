// sdk.admin: the Admin resources a fulfilment tool or a staff view needs, every one a
// call of the core's table.
export function createAdmin(client) {
  return client.resources("admin");
}

export function createAuth(client) {
  const sessionMode = () => client.config.auth?.type === "session";
  return {
    ...client.resources("auth"),
    /**
     * POST /auth/{actor}/{method}. With a token: in session mode (`auth.type: "session"`)
     * it is exchanged for a session cookie (POST /auth/session, as Medusa's JS SDK does)
     * and not kept; otherwise it is stored for later requests. Returns the token;
     * third-party providers answer `{ location }` (redirect there) instead.
     */
    async login(actor, method, payload, headers) {
      const response = await client.request("auth.login", [actor, method, payload, headers]);
      if (typeof response.token !== "string") return { location: response.location };
      if (sessionMode()) {
        await client.fetch("/auth/session", { method: "POST", headers: { ...headers, Authorization: `Bearer ${response.token}` } });
      } else {
        await client.setToken(response.token);
      }
      return response.token;
    },
    /** Ends the session (DELETE /auth/session in session mode) and forgets the stored JWT. */
    async logout(headers) {
      if (sessionMode()) await client.fetch("/auth/session", { method: "DELETE", headers });
      await client.clearToken();
    },
  };
}
