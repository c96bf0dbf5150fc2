// sdk.admin: the Admin resources a fulfilment tool or a staff view needs.
export function createAdmin(client) {
  return {
    order: client.calls({
      list: "admin.order.list",
      retrieve: "admin.order.retrieve",
      createFulfillment: "admin.order.createFulfillment",
      createShipment: "admin.order.createShipment",
    }),
    product: client.calls({
      create: "admin.product.create",
      update: "admin.product.update",
      retrieve: "admin.product.retrieve",
      list: "admin.product.list",
    }),
  };
}

export function createAuth(client) {
  return {
    /**
     * POST /auth/{actor}/{method}. Stores the returned JWT for later requests and returns
     * it; third-party providers answer `{ location }` (redirect there) instead.
     */
    async login(actor, method, payload, headers) {
      const response = await client.request("auth.login", [actor, method, payload, headers]);
      if (typeof response.token === "string") {
        await client.setToken(response.token);
        return response.token;
      }
      return { location: response.location };
    },
    /** Forgets the stored JWT. */
    async logout() {
      await client.clearToken();
    },
  };
}
