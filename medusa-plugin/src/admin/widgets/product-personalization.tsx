// Product page: the personalization schema (metadata.personalization) — view it, edit it
// as JSON with the core's compile errors inline, and preview the form the storefront
// will generate from it, where staff type values and see the validator's answers. The
// server compiles and validates with the same C++ core the storefront runs
// (POST /admin/personalization/schemas/preview); saving goes through the product route,
// where the plugin refuses a schema that does not compile.
import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Checkbox, Container, Heading, Input, Label, Select, Text, Textarea } from "@medusajs/ui"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { useEffect, useMemo, useState } from "react"
import { messageOf, sdk } from "../lib/sdk"

type Field = { name: string; label: string; description: string; widget: string; placeholder: string; required: boolean; schema: Record<string, unknown> }
type Issue = { instance_path: string; code: string; message: string }
type Preview =
  | { compiled: true; fingerprint: string; fields: Field[]; report: { valid: boolean; issues: Issue[] } | null }
  | { compiled: false; error: { code: string; message: string } }

const asText = (value: unknown) => (value === undefined || value === null || value === "" ? "" : typeof value === "string" ? value : JSON.stringify(value, null, 2))

/** The form values as the storefront would send them (blank optional inputs left out). */
function valuesOf(fields: Field[], inputs: Record<string, string | boolean>) {
  const values: Record<string, unknown> = {}
  for (const field of fields) {
    const input = inputs[field.name]
    if (input === undefined || input === "") continue
    if (field.widget === "checkbox") values[field.name] = input === true
    else if (field.widget === "number") values[field.name] = Number(input)
    else values[field.name] = input
  }
  return values
}

function FieldInput({ field, value, onChange, invalid }: { field: Field; value: string | boolean | undefined; onChange: (v: string | boolean) => void; invalid: boolean }) {
  const id = `personalization-preview-${field.name}`
  const options = (field.schema.enum as unknown[] | undefined) ?? null
  if (field.widget === "checkbox") return <Checkbox id={id} checked={value === true} onCheckedChange={(c) => onChange(c === true)} />
  if (options && (field.widget === "select" || field.widget === "font")) {
    return (
      <Select value={typeof value === "string" ? value : ""} onValueChange={onChange}>
        <Select.Trigger id={id} aria-invalid={invalid}><Select.Value placeholder={field.placeholder || "Choose"} /></Select.Trigger>
        <Select.Content>{options.map((o) => <Select.Item key={String(o)} value={String(o)}>{String(o)}</Select.Item>)}</Select.Content>
      </Select>
    )
  }
  if (field.widget === "image") return <Text size="xsmall" className="text-ui-fg-subtle">The customer uploads an image here.</Text>
  if (field.widget === "textarea") return <Textarea id={id} value={String(value ?? "")} placeholder={field.placeholder} aria-invalid={invalid} onChange={(e) => onChange(e.target.value)} />
  return (
    <Input id={id} type={field.widget === "number" ? "number" : "text"} value={String(value ?? "")} placeholder={field.placeholder}
      aria-invalid={invalid} onChange={(e) => onChange(e.target.value)} />
  )
}

const ProductPersonalizationWidget = ({ data }: DetailWidgetProps<AdminProduct>) => {
  const stored = asText(data.metadata?.personalization)
  const [text, setText] = useState(stored)
  const [inputs, setInputs] = useState<Record<string, string | boolean>>({})
  const [preview, setPreview] = useState<Preview | null>(null)
  const [saving, setSaving] = useState(false)
  const [saved, setSaved] = useState<string | null>(null)
  const [saveError, setSaveError] = useState<string | null>(null)

  // The schema text as JSON, or why it is not JSON.
  const parsed = useMemo(() => {
    if (text.trim() === "") return { schema: null, error: null }
    try {
      return { schema: JSON.parse(text) as unknown, error: null }
    } catch (e) {
      return { schema: null, error: `Not JSON: ${(e as Error).message}` }
    }
  }, [text])
  const fields = preview?.compiled ? preview.fields : []
  const values = useMemo(() => valuesOf(fields, inputs), [fields, inputs])

  useEffect(() => {
    if (parsed.schema === null) {
      setPreview(null)
      return
    }
    let cancelled = false
    const timer = setTimeout(async () => {
      try {
        const body = await sdk.client.fetch<Preview>("/admin/personalization/schemas/preview", {
          method: "POST",
          body: { schema: parsed.schema, values },
        })
        if (!cancelled) setPreview(body)
      } catch (e) {
        if (!cancelled) setPreview({ compiled: false, error: { code: "request", message: messageOf(e) } })
      }
    }, 250) // at most one request per pause in typing
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [parsed.schema, JSON.stringify(values)])

  const save = async () => {
    setSaving(true)
    setSaveError(null)
    setSaved(null)
    try {
      const metadata = { ...(data.metadata ?? {}), personalization: parsed.schema === null ? "" : parsed.schema }
      await sdk.admin.product.update(data.id, { metadata })
      setSaved(parsed.schema === null ? "Personalization removed" : "Schema saved")
    } catch (e) {
      setSaveError(messageOf(e))
    } finally {
      setSaving(false)
    }
  }

  const issuesOf = (name: string) =>
    preview?.compiled && preview.report ? preview.report.issues.filter((i) => i.instance_path === `/${name}` || i.instance_path.startsWith(`/${name}/`)) : []
  const compileError = parsed.error ?? (preview && !preview.compiled ? preview.error.message : null)

  return (
    <Container className="divide-y p-0" data-testid="product-personalization">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Personalization</Heading>
        <Badge size="2xsmall" color={compileError ? "red" : parsed.schema ? "green" : "grey"}>
          {compileError ? "Schema has errors" : parsed.schema ? "Personalized" : "Not personalized"}
        </Badge>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Label htmlFor="personalization-schema" size="small">Schema (JSON)</Label>
        <Textarea id="personalization-schema" className="min-h-48 font-mono text-xs" value={text} spellCheck={false}
          aria-invalid={compileError !== null} aria-describedby="personalization-schema-error"
          onChange={(e) => { setText(e.target.value); setSaved(null) }} />
        <div id="personalization-schema-error" role="status">
          {compileError && <Text size="xsmall" className="text-ui-fg-error" data-testid="schema-error">{compileError}</Text>}
        </div>
        <div className="flex items-center gap-x-2">
          <Button size="small" variant="secondary" isLoading={saving} disabled={compileError !== null || text === stored} onClick={save}>Save schema</Button>
          {saved && <Text size="xsmall" className="text-ui-fg-subtle">{saved}</Text>}
          {saveError && <Text size="xsmall" className="text-ui-fg-error">{saveError}</Text>}
        </div>
      </div>
      {fields.length > 0 && (
        <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="form-preview">
          <Text size="small" weight="plus">Form preview</Text>
          {fields.map((field) => {
            const issues = issuesOf(field.name)
            return (
              <div key={field.name} className="flex flex-col gap-y-1">
                <Label htmlFor={`personalization-preview-${field.name}`} size="small">{field.label}{field.required ? " *" : ""}</Label>
                <FieldInput field={field} value={inputs[field.name]} invalid={issues.length > 0}
                  onChange={(v) => setInputs((current) => ({ ...current, [field.name]: v }))} />
                {field.description && <Text size="xsmall" className="text-ui-fg-subtle">{field.description}</Text>}
                {issues.map((issue, i) => <Text key={i} size="xsmall" className="text-ui-fg-error" data-testid="preview-issue">{issue.message}</Text>)}
              </div>
            )
          })}
          {preview?.compiled && preview.report?.valid && <Badge size="2xsmall" color="green">These values are valid</Badge>}
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.side.after" })

export default ProductPersonalizationWidget
