// PosService of the browser-preview stand-in (收银软件接口); dev only.
import type { PosStatus } from '../api/types'
import { fail, sleep } from './state'

/** posService keeps the preview's POS API settings in memory. */
export function posService() {
  const st: PosStatus = { enabled: false, port: 17788, key: '', state: 'off' }
  const key = () =>
    Array.from(
      crypto.getRandomValues(new Uint8Array(24)),
      (b) => 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_'[b % 59],
    ).join('')
  const view = (): PosStatus =>
    st.enabled
      ? { ...st, state: 'listening', addr: `127.0.0.1:${st.port}` }
      : { ...st, state: 'off', addr: '' }
  return {
    Status: async () => view(),
    SavePos: async (enabled: boolean, port: number) => {
      await sleep(200)
      Object.assign(st, { enabled, port: port || 17788, key: st.key || key() })
      return view()
    },
    RegenerateKey: async () => {
      st.key = key()
      return view()
    },
    TestPos: async () => {
      if (!st.enabled) return fail('pos_off', '收银软件接口未开启')
      return { addr: `127.0.0.1:${st.port}`, ms: 2 }
    },
    PayOrder: async () => fail('not_found', '没有此订单号的收款'),
  }
}
