import { describe, expect, it } from 'vitest'
import type { ReconcileDiff, ReconcileReport } from '../api/types'
import { amountGap, badgeCount, kindCounts, sortedDiffs, yesterday } from './reconcile'

function diff(over: Partial<ReconcileDiff>): ReconcileDiff {
  return {
    id: 1,
    kind: 'only_bank',
    reqsn: 'A',
    trxid: '',
    tradeKind: 'pay',
    bankAmount: 0,
    localAmount: 0,
    bankStatus: '0000',
    localStatus: '',
    trxCode: '',
    bankTime: '',
    resolved: false,
    note: 'needs_admin',
    ...over,
  }
}

function report(diffs: ReconcileDiff[]): ReconcileReport {
  return { day: '2026-12-03', status: 'done', bankRows: 3, localRows: 3, matched: 1, diffs, open: 2 }
}

describe('reconcile screen logic', () => {
  it('shows the badge to admins only, and only with open differences', () => {
    expect(badgeCount(3, true)).toBe(3)
    expect(badgeCount(3, false)).toBe(0)
    expect(badgeCount(0, true)).toBe(0)
    expect(badgeCount(undefined, true)).toBe(0)
  })

  it('lists open differences first, by kind, then resolved ones', () => {
    const r = report([
      diff({ id: 1, kind: 'status_differs', reqsn: 'B', resolved: true, note: 'query_fixed' }),
      diff({ id: 2, kind: 'amount_differs', reqsn: 'C' }),
      diff({ id: 3, kind: 'only_bank', reqsn: 'Z' }),
      diff({ id: 4, kind: 'only_bank', reqsn: 'D' }),
    ])
    expect(sortedDiffs(r).map((d) => d.id)).toEqual([4, 3, 2, 1])
    expect(sortedDiffs(null)).toEqual([])
    expect(sortedDiffs({ ...r, diffs: null })).toEqual([])
  })

  it('counts only unresolved differences per kind', () => {
    const r = report([
      diff({ kind: 'only_local' }),
      diff({ kind: 'only_local' }),
      diff({ kind: 'status_differs', resolved: true }),
    ])
    expect(kindCounts(r)).toEqual({ only_bank: 0, only_local: 2, amount_differs: 0, status_differs: 0 })
  })

  it('gives the amount gap in fen for amount differences only', () => {
    expect(amountGap(diff({ kind: 'amount_differs', bankAmount: 2001, localAmount: 2000 }))).toBe(1)
    expect(amountGap(diff({ kind: 'only_bank', bankAmount: 5 }))).toBeNull()
  })

  it('takes yesterday in China time', () => {
    expect(yesterday(new Date('2026-12-04T15:59:00Z'))).toBe('2026-12-03')
    expect(yesterday(new Date('2026-12-04T16:01:00Z'))).toBe('2026-12-04')
  })
})
