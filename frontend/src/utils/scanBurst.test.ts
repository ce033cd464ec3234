import { describe, expect, it } from 'vitest'
import { BurstTracker, splitScan } from './scanBurst'

describe('BurstTracker', () => {
  it('counts keys arriving within the scanner gap as one run', () => {
    const b = new BurstTracker()
    let t = 1000
    for (let i = 0; i < 18; i++) b.key((t += 8))
    expect(b.length).toBe(18)
  })

  it('starts a new run after a human-sized pause', () => {
    const b = new BurstTracker()
    b.key(1000)
    b.key(1150)
    b.key(1300)
    expect(b.length).toBe(1)
    b.key(1310)
    expect(b.length).toBe(2)
    b.reset()
    expect(b.length).toBe(0)
  })
})

describe('splitScan', () => {
  it('splits a code scanned into the amount field', () => {
    expect(splitScan('12.5134567890123456700', 18)).toEqual({ amount: '12.5', code: '134567890123456700' })
  })
  it('ignores short runs and non-digit tails', () => {
    expect(splitScan('12.50', 5)).toBeNull()
    expect(splitScan('1234567890123456.7', 18)).toBeNull()
    expect(splitScan('12', 18)).toBeNull()
  })
})
