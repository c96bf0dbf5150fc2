// Order page: each personalized item as staff need it — the customer's values labelled
// from the product's schema, the image as a thumbnail, whether it still passes the
// product's current schema, and its print job with a retry button. The server computes
// all of it with the same C++ core (GET /admin/personalization/orders/:id).
import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { useCallback, useEffect, useState } from "react"
import { messageOf, sdk } from "../lib/sdk"

type Entry = { name: string; label: string; kind: string; text: string }
type Image = { name: string; label: string; url: string; width?: number; height?: number }
type Job = { id: string; status: string; attempts: number; last_error: string | null; delivered_at: string | null }
type Item = {
  id: string
  title: string | null
  variant_title: string | null
  quantity: number
  schema: "current" | "broken" | "none"
  entries: Entry[]
  images: Image[]
  valid: boolean | null
  issues: { instance_path: string; message: string }[]
  schema_changed: boolean
  message?: string
  print_job: Job | null
}

const JOB_COLOURS: Record<string, "grey" | "blue" | "green" | "red" | "orange"> = {
  pending: "orange",
  delivering: "blue",
  delivered: "blue",
  failed: "red",
  fulfilled: "green",
}

function Validity({ item }: { item: Item }) {
  const [colour, text]: ["red" | "orange" | "green", string] =
    item.schema !== "current" ? ["red", item.message ?? "No schema"]
    : item.schema_changed ? ["orange", "Schema changed since the order"]
    : item.valid ? ["green", "Valid"]
    : ["red", "Invalid"]
  return <Badge size="2xsmall" color={colour} data-testid="personalization-validity">{text}</Badge>
}

function PrintJob({ job, onRetry, busy }: { job: Job | null; onRetry: (id: string) => void; busy: boolean }) {
  if (!job) return <Text size="small" className="text-ui-fg-subtle">No print job</Text>
  return (
    <div className="flex flex-col gap-y-1" data-testid="print-job">
      <div className="flex items-center gap-x-2">
        <Text size="small">Print job</Text>
        <Badge size="2xsmall" color={JOB_COLOURS[job.status] ?? "grey"} data-testid="print-job-status">{job.status}</Badge>
        <Text size="xsmall" className="text-ui-fg-subtle">{job.attempts} attempt{job.attempts === 1 ? "" : "s"}</Text>
        {(job.status === "pending" || job.status === "failed") && (
          <Button size="small" variant="secondary" isLoading={busy} onClick={() => onRetry(job.id)}>Retry now</Button>
        )}
      </div>
      {job.last_error && job.status !== "fulfilled" && job.status !== "delivered" && (
        <Text size="xsmall" className="text-ui-fg-error">{job.last_error}</Text>
      )}
    </div>
  )
}

const OrderPersonalizationWidget = ({ data }: DetailWidgetProps<AdminOrder>) => {
  const [items, setItems] = useState<Item[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)

  const load = useCallback(async () => {
    try {
      const body = await sdk.client.fetch<{ items: Item[] }>(`/admin/personalization/orders/${data.id}`)
      setItems(body.items)
      setError(null)
    } catch (e) {
      setError(messageOf(e))
    }
  }, [data.id])
  useEffect(() => {
    void load()
  }, [load])

  const retry = async (id: string) => {
    setBusy(id)
    try {
      await sdk.client.fetch(`/admin/personalization/print-jobs/${id}/retry`, { method: "POST" })
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(null)
      await load()
    }
  }

  if (items !== null && items.length === 0 && !error) return null // nothing personalized
  return (
    <Container className="divide-y p-0" data-testid="order-personalization">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Personalization</Heading>
      </div>
      {error && <div className="px-6 py-4"><Text size="small" className="text-ui-fg-error">{error}</Text></div>}
      {items === null && !error && <div className="px-6 py-4"><Text size="small">Loading…</Text></div>}
      {(items ?? []).map((item) => (
        <div key={item.id} className="flex flex-col gap-y-3 px-6 py-4" data-testid="personalized-item">
          <div className="flex items-center justify-between">
            <Text size="small" weight="plus">{item.quantity} × {item.title}{item.variant_title ? ` (${item.variant_title})` : ""}</Text>
            <Validity item={item} />
          </div>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
            {item.entries.filter((e) => e.kind !== "image").map((entry) => (
              <div key={entry.name} className="contents">
                <dt><Text size="small" className="text-ui-fg-subtle">{entry.label}</Text></dt>
                <dd><Text size="small">{entry.text}</Text></dd>
              </div>
            ))}
          </dl>
          {item.images.map((image) => (
            <a key={image.name} href={image.url} target="_blank" rel="noreferrer" className="flex items-center gap-x-3">
              <img src={image.url} alt={image.label} className="h-16 w-16 rounded-md border object-cover" />
              <Text size="xsmall" className="text-ui-fg-subtle">{image.label}{image.width ? ` · ${image.width} × ${image.height} px` : ""}</Text>
            </a>
          ))}
          {item.issues.length > 0 && (
            <ul>
              {item.issues.map((issue, i) => (
                <li key={i}><Text size="xsmall" className="text-ui-fg-error">{issue.instance_path || "value"} {issue.message}</Text></li>
              ))}
            </ul>
          )}
          <PrintJob job={item.print_job} onRetry={retry} busy={busy === item.print_job?.id} />
        </div>
      ))}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.after" })

export default OrderPersonalizationWidget
