// TradeService: trade query and day statistics (manual §5).
import { call } from './bridge'
import type { TradeFilter, TradePage } from './types'

const S = 'TradeService'

export const tradeApi = {
  list: (f: TradeFilter) => call<TradePage>(S, 'List', f),
}
