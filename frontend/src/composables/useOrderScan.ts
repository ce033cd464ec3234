// A receipt's QR code read on 撤销/退货 or 交易查询: from the scanner box (box:scan, which Go
// marks with orderNo) or from a keyboard-wedge scanner — a fast burst of keys ending in Enter,
// wherever the focus is. Either way found() gets the order number; a burst that is not an
// order number (a person typing, a payment code) is left alone.
import { onBeforeUnmount, onMounted } from 'vue'
import type { BoxScan } from '../api/types'
import { Events } from '../consts/events'
import { isOrderNo } from '../utils/orderNo'
import { maxGapMs } from '../utils/scanBurst'
import { useEvent } from './useEvent'

/** useOrderScan calls found with the order number of each receipt QR code scanned while the view is shown. */
export function useOrderScan(found: (orderNo: string) => void): void {
  useEvent<BoxScan>(Events.BoxScan, (s) => {
    if (s.orderNo) found(s.orderNo)
  })
  let run = ''
  let last = 0
  function onKeydown(e: KeyboardEvent): void {
    const now = e.timeStamp || performance.now()
    if (e.key === 'Enter') {
      const code = now - last <= maxGapMs ? run : ''
      run = ''
      if (!isOrderNo(code)) return
      // The scanner's Enter: not a submit of the field the digits landed in.
      e.preventDefault()
      e.stopPropagation()
      found(code)
      return
    }
    if (e.key.length !== 1) return
    run = last > 0 && now - last <= maxGapMs ? run + e.key : e.key
    last = now
  }
  onMounted(() => window.addEventListener('keydown', onKeydown, true))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown, true))
}
