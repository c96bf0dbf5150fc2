// Run inside the contract app with `medusa exec` (tests/contract/hooks.test.mjs does):
// the plugin's workflow hooks hold where no HTTP route is involved (a script, another
// workflow). Reads the ids from the environment; prints one line "HOOKS-RESULT <json>".
import {
  addToCartWorkflow,
  createCartWorkflow,
  createProductsWorkflow,
  updateLineItemInCartWorkflow,
} from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { ExecArgs } from "@medusajs/framework/types"

async function outcome(run: () => Promise<unknown>) {
  try {
    await run()
    return { ok: true }
  } catch (error) {
    const e = error as { type?: string; message?: string }
    return { ok: false, type: e.type ?? null, message: e.message ?? String(error) }
  }
}

export default async function hooksBackstop({ container }: ExecArgs) {
  const env = (name: string) => {
    const value = process.env[name]
    if (!value) throw new Error(`${name} is not set`)
    return value
  }
  const personalized = env("PERSONALIZED_VARIANT")
  const plain = env("PLAIN_VARIANT")
  const base = { region_id: env("REGION_ID"), sales_channel_id: env("SALES_CHANNEL_ID") }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const results: Record<string, unknown> = {}

  results.createWithInvalidItem = await outcome(() =>
    createCartWorkflow(container).run({ input: { ...base, items: [{ variant_id: personalized, quantity: 1, metadata: { font: "Serif" } }] } }),
  )
  const { result: cart } = await createCartWorkflow(container).run({ input: base })
  results.addInvalid = await outcome(() =>
    addToCartWorkflow(container).run({
      input: { cart_id: cart.id, items: [{ variant_id: personalized, quantity: 1, metadata: { message: "x".repeat(41), font: "Serif" } }] },
    }),
  )
  results.addValid = await outcome(() =>
    addToCartWorkflow(container).run({
      input: { cart_id: cart.id, items: [{ variant_id: personalized, quantity: 1, metadata: { message: "From a script", font: "Serif" } }] },
    }),
  )
  results.addForeignPhoto = await outcome(() =>
    addToCartWorkflow(container).run({
      input: {
        cart_id: cart.id,
        items: [{ variant_id: personalized, quantity: 1, metadata: { message: "Photo from elsewhere", font: "Serif", photo: { url: "https://images.example.test/a.png", mime: "image/png", width: 2400, height: 3000, bytes: 1000 } } }],
      },
    }),
  )
  results.addPlain = await outcome(() =>
    addToCartWorkflow(container).run({ input: { cart_id: cart.id, items: [{ variant_id: plain, quantity: 1, metadata: { anything: true } }] } }),
  )
  const read = async () =>
    (await query.graph({ entity: "cart", fields: ["items.id", "items.variant_id", "items.metadata"], filters: { id: cart.id } })).data[0].items
  const line = (await read()).find((i: any) => i.variant_id === personalized && !i.metadata?.photo)
  results.updateMergedInvalid = await outcome(() =>
    updateLineItemInCartWorkflow(container).run({ input: { cart_id: cart.id, item_id: line.id, update: { quantity: 1, metadata: { message: "" } } } }),
  )
  // Valid only together with what is stored (the message): the hook must merge.
  results.updateMergedValid = await outcome(() =>
    updateLineItemInCartWorkflow(container).run({ input: { cart_id: cart.id, item_id: line.id, update: { quantity: 1, metadata: { font: "Mono" } } } }),
  )
  results.storedItems = (await read())
    .filter((i: any) => !i.metadata?.photo)
    .map((i: any) => ({ personalized: i.variant_id === personalized, metadata: i.metadata }))
    .sort((a: any, b: any) => Number(b.personalized) - Number(a.personalized))

  const title = `Hook-checked product ${Date.now()}`
  results.createProductBroken = await outcome(() =>
    createProductsWorkflow(container).run({
      input: {
        products: [
          {
            title,
            options: [{ title: "Size", values: ["One"] }],
            variants: [{ title: "One", options: { Size: "One" }, prices: [{ currency_code: "eur", amount: 5 }] }],
            metadata: { personalization: { type: "object", properties: { a: { type: "string", minLength: -1 } } } },
          },
        ],
      },
    }),
  )
  const { data: leftovers } = await query.graph({ entity: "product", fields: ["id"], filters: { title } })
  results.brokenProductsStored = leftovers.length
  console.log("HOOKS-RESULT " + JSON.stringify(results))
}
