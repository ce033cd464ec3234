// Telling a keyboard-wedge scanner from a person: a scanner types a whole code with a few
// milliseconds between keys and ends with Enter; people need ~100 ms or more per key.

/** maxGapMs is the longest pause between two keys that still counts as one scanner burst. */
export const maxGapMs = 40

/** minCodeLength is the shortest payment code (Alipay 16 digits). */
export const minCodeLength = 16

/** BurstTracker remembers how many characters arrived in the current fast run. */
export class BurstTracker {
  private last = 0
  private run = 0

  /** key records one printable key at time now (ms). */
  key(now: number): void {
    this.run = this.last > 0 && now - this.last <= maxGapMs ? this.run + 1 : 1
    this.last = now
  }

  /** length is how many characters the current fast run has (0 after reset). */
  get length(): number {
    return this.run
  }

  /** reset forgets the run (after Enter or a clear). */
  reset(): void {
    this.run = 0
    this.last = 0
  }
}

/**
 * splitScan separates a scanned payment code that landed at the end of the amount field:
 * when the last `run` characters came in one scanner burst and are all digits, it returns the
 * amount before them and the code; otherwise null.
 */
export function splitScan(value: string, run: number): { amount: string; code: string } | null {
  if (run < minCodeLength || run > value.length) return null
  const code = value.slice(value.length - run)
  if (!/^\d+$/.test(code)) return null
  return { amount: value.slice(0, value.length - run), code }
}
