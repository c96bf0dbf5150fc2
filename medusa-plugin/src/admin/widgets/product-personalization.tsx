// Product page: whether this product is personalized, and the fields its schema asks
// the customer for (read from metadata.personalization, an object or a JSON string).
import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import type { DetailWidgetProps, AdminProduct } from "@medusajs/framework/types"

type Schema = { properties?: Record<string, { title?: string; type?: string }>; required?: string[] }

function readSchema(value: unknown): { schema: Schema | null; error: string | null } {
  if (value === undefined || value === null || value === "") return { schema: null, error: null }
  try {
    const parsed = typeof value === "string" ? JSON.parse(value) : value
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return { schema: null, error: "not a JSON object" }
    return { schema: parsed as Schema, error: null }
  } catch (e) {
    return { schema: null, error: (e as Error).message }
  }
}

const ProductPersonalizationWidget = ({ data }: DetailWidgetProps<AdminProduct>) => {
  const { schema, error } = readSchema(data.metadata?.personalization)
  const fields = Object.entries(schema?.properties ?? {})
  const required = new Set(schema?.required ?? [])
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Personalization</Heading>
        <Badge size="2xsmall" color={error ? "red" : schema ? "green" : "grey"}>
          {error ? "Unreadable schema" : schema ? "Personalized" : "Not personalized"}
        </Badge>
      </div>
      <div className="px-6 py-4">
        {error && <Text size="small">metadata.personalization: {error}</Text>}
        {!error && !schema && <Text size="small" className="text-ui-fg-subtle">No personalization schema in this product's metadata.</Text>}
        {fields.map(([name, field]) => (
          <Text key={name} size="small">
            {field.title ?? name} <span className="text-ui-fg-subtle">({name}{field.type ? `, ${field.type}` : ""}{required.has(name) ? ", required" : ""})</span>
          </Text>
        ))}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.side.after" })

export default ProductPersonalizationWidget
