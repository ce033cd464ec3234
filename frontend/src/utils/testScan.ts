// Test helper: a keyboard-wedge scanner (or a person) typing into the focused element.

/**
 * typeBurst dispatches keydown events for each character of text and then Enter on target,
 * gapMs apart (the event's timeStamp), as a scanner (a few ms) or a person (~150 ms) would.
 */
export function typeBurst(target: EventTarget, text: string, gapMs: number): void {
  let at = 1000
  for (const key of [...text.split(''), 'Enter']) {
    const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })
    Object.defineProperty(e, 'timeStamp', { value: at })
    target.dispatchEvent(e)
    at += gapMs
  }
}
