// Readies a seeded shop for the load (run by tests/production/run.mjs, with the
// variables tests/contract/helpers.mjs reads, and LOCATION_ID): the T-shirt gets its
// personalization schema, and its first variant stock for any run (the traces seed 100,
// which minutes of checkouts sell out). Prints { id, schema } of the shirt.
import assert from "node:assert/strict";
import { admin, shirtWithSchema } from "../contract/helpers.mjs";

const shirt = await shirtWithSchema();
const { status, body } = await admin("GET", `/admin/products/${shirt.id}?fields=id,*variants.inventory_items`);
assert.equal(status, 200, JSON.stringify(body));
const inventoryItem = body.product.variants.find((v) => v.id === shirt.variants[0].id).inventory_items[0].inventory_item_id;
const stocked = await admin("POST", `/admin/inventory-items/${inventoryItem}/location-levels/${process.env.LOCATION_ID}`, { stocked_quantity: 1_000_000 });
assert.equal(stocked.status, 200, JSON.stringify(stocked.body));
console.log(JSON.stringify({ id: shirt.id, schema: shirt.schema }));
