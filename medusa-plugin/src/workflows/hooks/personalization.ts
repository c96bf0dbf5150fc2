// The backstop for every caller of Medusa's cart and product workflows (HTTP, other
// workflows, scripts): a personalization its schema refuses never reaches a cart, and a
// schema that does not compile never stays on a product. The Store routes answer earlier
// with every issue (src/api/middlewares.ts); these hooks hold where no route is involved.
//
// Medusa allows one handler per hook. With `hooks: false` in the plugin's options this
// file registers nothing, and the app calls the exported checks from its own handlers.
import {
  addToCartWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  createProductsWorkflow,
  createProductVariantsWorkflow,
  updateLineItemInCartWorkflow,
  updateProductsWorkflow,
  updateProductVariantsWorkflow,
} from "@medusajs/medusa/core-flows"
import { configuredOptions } from "../../lib/configured-options"
import { assertLineItemsValid, metadataAfterUpdate, type LineItemInput } from "../../lib/line-items"
import { assertProductSchemasCompile } from "../../lib/product-schemas"

type Item = LineItemInput & { variant_id?: string | null }
const ids = (rows: unknown): string[] =>
  (Array.isArray(rows) ? rows : []).map((r) => (r as { id?: unknown })?.id).filter((id): id is string => typeof id === "string")
const productIdsOf = (variants: unknown): string[] =>
  (Array.isArray(variants) ? variants : [])
    .map((v) => (v as { product_id?: unknown })?.product_id)
    .filter((id): id is string => typeof id === "string")

if (configuredOptions().hooks) {
  addToCartWorkflow.hooks.validate(async ({ input }, { container }) => {
    await assertLineItemsValid(container, (input.items ?? []) as Item[], "add")
  })

  updateLineItemInCartWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
    if (Number(input.update?.quantity) === 0) return // the line is being removed
    const item = ((cart as { items?: Item[] }).items ?? []).find((i) => i.id === input.item_id)
    if (!item) return // Medusa answers 404 itself
    const metadata = metadataAfterUpdate(item.metadata, input.update?.metadata as LineItemInput["metadata"])
    await assertLineItemsValid(container, [{ id: item.id, variant_id: item.variant_id, metadata }], "update")
  })

  createCartWorkflow.hooks.validate(async ({ cart }, { container }) => {
    await assertLineItemsValid(container, ((cart as { items?: Item[] }).items ?? []) as Item[], "create")
  })

  completeCartWorkflow.hooks.validate(async ({ cart }, { container }) => {
    await assertLineItemsValid(container, ((cart as { items?: Item[] }).items ?? []) as Item[], "complete")
  })

  createProductsWorkflow.hooks.productsCreated(async ({ products }, { container }) => {
    await assertProductSchemasCompile(container, ids(products))
  })

  updateProductsWorkflow.hooks.productsUpdated(async ({ products }, { container }) => {
    await assertProductSchemasCompile(container, ids(products))
  })

  createProductVariantsWorkflow.hooks.productVariantsCreated(async ({ product_variants }, { container }) => {
    await assertProductSchemasCompile(container, productIdsOf(product_variants))
  })

  updateProductVariantsWorkflow.hooks.productVariantsUpdated(async ({ product_variants }, { container }) => {
    await assertProductSchemasCompile(container, productIdsOf(product_variants))
  })
}
