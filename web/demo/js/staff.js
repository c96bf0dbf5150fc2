// The staff view, as Medusa's admin would show it with a widget: orders with each item's
// personalization (summary, image, the schema it was validated against), the print queue
// fed by the backend's order.placed subscriber, and fulfilment. Behind an admin login.
import { MedusaPersonalize } from "../../src/index.js";
import { PUBLISHABLE_KEY } from "./config.js";
import { h, money, replace } from "./dom.js";
import { attempt, announce } from "./notices.js";
import { summaryList } from "./views/cart.js";

const view = document.getElementById("view");
const logout = document.getElementById("logout");
const sdk = await MedusaPersonalize.create({
  baseUrl: "",
  publishableKey: PUBLISHABLE_KEY,
  wasm: new URL("../dist/medusa_personalize.wasm", document.baseURI).href, // the preloaded one
  auth: { jwtTokenStorageMethod: "session", jwtTokenStorageKey: "medusa-personalize-demo-staff" },
});

function renderLogin(message) {
  logout.hidden = true;
  const email = h("input", { id: "email", type: "email", autocomplete: "username", required: true, value: "admin@example.com" });
  const password = h("input", { id: "password", type: "password", autocomplete: "current-password", required: true });
  const error = h("p", { class: "field-error", id: "login-error", "aria-live": "assertive" }, message ?? "");
  replace(view,
    h("h1", {}, "Staff login"),
    h("form", {
      id: "login",
      onsubmit: async (e) => {
        e.preventDefault();
        try {
          await sdk.auth.login("user", "emailpass", { email: email.value, password: password.value });
          await showOrders();
        } catch (err) {
          error.textContent = err.status === 401 ? "Wrong email or password." : err.message;
        }
      },
    },
    h("div", { class: "field" }, h("label", { for: "email" }, "Email"), email),
    h("div", { class: "field" }, h("label", { for: "password" }, "Password"), password),
    error,
    h("button", { type: "submit", class: "primary" }, "Log in")));
}

// The item's schema, from the product joined to the order item (variant.product).
function schemaOf(item) {
  const product = item.variant?.product;
  if (!product?.metadata) return null;
  try {
    return sdk.personalization.schemaFor({ ...product, variants: [item.variant] }, item.variant.id);
  } catch {
    return null;
  }
}

function itemCell(item) {
  const schema = schemaOf(item);
  const summary = sdk.personalization.describe(item, schema ?? undefined);
  const metadata = item.line_item_metadata ?? item.metadata ?? {};
  const check = schema ? schema.validateLineItemMetadata(metadata) : null;
  return h("div", { class: "staff-item" },
    h("strong", {}, item.product_title ?? item.title), " ", h("span", { class: "muted" }, item.variant_title ?? ""), ` × ${item.quantity}`,
    summaryList(summary),
    h("p", { class: "muted" },
      "Schema ", h("code", {}, summary.schema_fingerprint ?? "none"), " ",
      check === null ? h("span", { class: "bad" }, "(no schema on the product)")
        : check.valid ? h("span", { class: "ok" }, summary.schema_mismatch ? "valid (the product's schema has changed since)" : "valid against the current schema")
          : h("span", { class: "bad" }, "invalid: " + check.issues.map((i) => `${i.instance_path} ${i.message}`).join("; "))));
}

async function showOrders() {
  logout.hidden = false;
  const [{ orders }, { print_jobs }] = await Promise.all([
    sdk.admin.order.list({ fields: "*items,+items.metadata", limit: 50 }),
    sdk.client.fetch("/admin/personalization/print-jobs"),
  ]);
  const fulfil = (order) => attempt(async () => {
    await sdk.admin.order.createFulfillment(order.id, { items: order.items.map((i) => ({ id: i.id, quantity: i.quantity })) });
    announce(`Order #${order.display_id} fulfilled.`);
    // The queue is updated by the order.fulfillment_created subscriber, asynchronously.
    for (let i = 0; i < 20; i++) {
      const { print_jobs: jobs } = await sdk.client.fetch("/admin/personalization/print-jobs");
      if (jobs.filter((j) => j.order_id === order.id).every((j) => j.status === "fulfilled")) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await showOrders();
  });
  const queued = (order) => print_jobs.some((j) => j.order_id === order.id && j.status === "queued");
  replace(view,
    h("h1", {}, "Print queue"),
    print_jobs.length === 0 ? h("p", { class: "muted" }, "No print jobs yet: they appear when an order is placed.")
      : h("table", { class: "orders", id: "print-queue" },
        h("thead", {}, h("tr", {}, ["Job", "Order", "Item", "Personalization", "Status"].map((t) => h("th", {}, t)))),
        h("tbody", {}, print_jobs.map((job) =>
          h("tr", { dataset: { jobId: job.id } },
            h("td", {}, job.id),
            h("td", {}, `#${job.order_display_id ?? job.order_id}`),
            h("td", {}, job.title, " ", h("span", { class: "muted" }, job.variant_title ?? ""), ` × ${job.quantity}`),
            h("td", {}, job.image_url ? h("img", { class: "thumb", src: job.image_url, alt: "Print image" }) : null, " ", job.summary,
              job.valid ? null : h("p", { class: "bad" }, "Refused: " + job.issues.map((i) => i.message).join("; "))),
            h("td", { class: `status-${job.status}` }, job.status))))),
    h("h1", {}, "Orders"),
    orders.length === 0 ? h("p", { class: "muted" }, "No orders yet.")
      : h("table", { class: "orders", id: "orders" },
        h("thead", {}, h("tr", {}, ["Order", "Customer", "Items", "Total", ""].map((t) => h("th", {}, t)))),
        h("tbody", {}, orders.map((order) =>
          h("tr", { dataset: { orderId: order.id } },
            h("td", {}, `#${order.display_id}`, h("br"), h("span", { class: "muted" }, order.fulfillment_status ?? order.status ?? "")),
            h("td", {}, order.email ?? ""),
            h("td", {}, (order.items ?? []).map(itemCell)),
            h("td", {}, money(order.total, order.currency_code)),
            h("td", {}, queued(order)
              ? h("button", { type: "button", class: "primary", onclick: () => fulfil(order) }, "Create fulfillment")
              : h("span", { class: "ok" }, (order.fulfillments ?? []).length ? "Fulfilled" : "")))))));
}

logout.addEventListener("click", async () => {
  await sdk.auth.logout();
  renderLogin();
});

attempt(async () => {
  if (await sdk.client.getToken()) {
    try {
      return await showOrders();
    } catch (error) {
      if (error.status !== 401) throw error;
      await sdk.auth.logout();
    }
  }
  renderLogin();
});
