// Run inside the contract app with `medusa exec`: the plugin's workflow hooks refuse an
// invalid personalization when no HTTP route is involved (a script, another workflow),
// and let a valid one and an unpersonalized product through. Prints one JSON line.
import { addToCartWorkflow, createCartWorkflow, updateLineItemInCartWorkflow } from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { ExecArgs } from "@medusajs/framework/types"

async function outcome(run: () => Promise<unknown>) {
  try {
    await run()
    return { ok: true }
  } catch (error) {
    const e = error as { type?: string; message?: string }
    return { ok: false, type: e.type, message: e.message }
  }
}

export default async function hooksBackstop({ container }: ExecArgs) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({ entity: "product_variant", fields: ["id", "product.metadata", "product.title"] })
  const personalized = variants.find((v: any) => v.product?.metadata?.personalization)
  const plain = variants.find((v: any) => !v.product?.metadata?.personalization)
  const { data: regions } = await query.graph({ entity: "region", fields: ["id"] })
  const { data: channels } = await query.graph({ entity: "sales_channel", fields: ["id"] })
  const base = { region_id: regions[0].id, sales_channel_id: channels[0].id }

  const { result: cart } = await createCartWorkflow(container).run({ input: base })
  const results: Record<string, unknown> = {}
  results.createWithInvalidItem = await outcome(() =>
    createCartWorkflow(container).run({ input: { ...base, items: [{ variant_id: personalized.id, quantity: 1, metadata: {} }] } }),
  )
  results.addInvalid = await outcome(() =>
    addToCartWorkflow(container).run({ input: { cart_id: cart.id, items: [{ variant_id: personalized.id, quantity: 1, metadata: { message: "x".repeat(41) } }] } }),
  )
  results.addValid = await outcome(() =>
    addToCartWorkflow(container).run({ input: { cart_id: cart.id, items: [{ variant_id: personalized.id, quantity: 1, metadata: { message: "From a script" } }] } }),
  )
  results.addPlain = await outcome(() =>
    addToCartWorkflow(container).run({ input: { cart_id: cart.id, items: [{ variant_id: plain.id, quantity: 1, metadata: { anything: true } }] } }),
  )
  const { data: [stored] } = await query.graph({ entity: "cart", fields: ["items.id", "items.variant_id", "items.metadata"], filters: { id: cart.id } })
  const line = stored.items.find((i: any) => i.variant_id === personalized.id)
  results.updateMergedInvalid = await outcome(() =>
    updateLineItemInCartWorkflow(container).run({ input: { cart_id: cart.id, item_id: line.id, update: { quantity: 1, metadata: { message: "" } } } }),
  )
  const { data: [after] } = await query.graph({ entity: "cart", fields: ["items.variant_id", "items.metadata"], filters: { id: cart.id } })
  results.storedItems = after.items.map((i: any) => ({ personalized: i.variant_id === personalized.id, metadata: i.metadata }))
  console.log("HOOKS-RESULT " + JSON.stringify(results))
}
