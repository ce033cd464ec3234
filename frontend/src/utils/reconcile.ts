// What the 对账结果 screen and the nav badge show of a reconciliation report.
import type { ReconcileDiff, ReconcileDiffKind, ReconcileReport } from '../api/types'

/** diffKinds is the order the kinds are counted and listed in. */
export const diffKinds: ReconcileDiffKind[] = ['only_bank', 'only_local', 'amount_differs', 'status_differs']

/** badgeCount is the number the nav shows: unresolved differences, for admins only. */
export function badgeCount(open: number | undefined, isAdmin: boolean): number {
  return isAdmin && open && open > 0 ? open : 0
}

/** sortedDiffs lists unresolved differences first, then by kind, then by order number. */
export function sortedDiffs(r: ReconcileReport | null): ReconcileDiff[] {
  const rank = (d: ReconcileDiff) => (d.resolved ? 10 : 0) + diffKinds.indexOf(d.kind)
  return [...(r?.diffs ?? [])].sort((a, b) => rank(a) - rank(b) || a.reqsn.localeCompare(b.reqsn))
}

/** kindCounts counts the unresolved differences of each kind. */
export function kindCounts(r: ReconcileReport | null): Record<ReconcileDiffKind, number> {
  const out = { only_bank: 0, only_local: 0, amount_differs: 0, status_differs: 0 }
  for (const d of r?.diffs ?? []) if (!d.resolved) out[d.kind]++
  return out
}

/** amountGap is the bank's amount minus ours for an amount difference, else null. */
export function amountGap(d: ReconcileDiff): number | null {
  return d.kind === 'amount_differs' ? d.bankAmount - d.localAmount : null
}

/** yesterday is the day before now in China time, yyyy-MM-dd. */
export function yesterday(now: Date = new Date()): string {
  const china = new Date(now.getTime() + 8 * 3600_000 - 24 * 3600_000)
  return china.toISOString().slice(0, 10)
}
