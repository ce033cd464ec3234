// TradeService: trade query and day statistics (manual §5).
import * as T from '../../wailsjs/go/services/TradeService'
import { call } from './bridge'
import type { DayStats, TradeFilter, TradePage } from './types'

export const tradeApi = {
  list: (f: TradeFilter) => call<TradePage>(() => T.List(f)),
  stats: (day: string) => call<DayStats>(() => T.Stats(day)),
}
