// Issue 3 end to end: one embedded demo terminal (real platform, real simulator on
// loopback, real Go bindings), driven in Chromium.
import { assert, expectText, openPage, textOf, tid } from './lib.mjs'
import {
  callGo,
  changeInitialPassword,
  demoAdminPw,
  demoSmsCode,
  failureReason,
  initialise,
  pay,
  waitResult,
} from './flows.mjs'

/** wechat returns a fresh WeChat test code whose last two digits pick the simulator's outcome. */
export function wechat(outcome) {
  let mid = ''
  for (let i = 0; i < 14; i++) mid += Math.floor(Math.random() * 10)
  return `13${mid}${outcome}`
}

/** simTrades reads the simulated bank's ledger. */
export async function simTrades(simURL) {
  const r = await fetch(`${simURL}/_sim/trades`)
  assert(r.ok, `GET /_sim/trades: HTTP ${r.status}`)
  return r.json()
}

/** paySuite registers the issue-3 tests on runner for the app at app.url. */
export async function paySuite(runner, browser, app, simURL) {
  const page = await openPage(browser, app.url, 'pay')
  const pages = () => [page]

  await runner.test(
    'pay: initialise with the SMS code from the demo banner',
    async () => {
      const merchantNo = await textOf(page, 'demo-merchant')
      await initialise(page, merchantNo, () => demoSmsCode(page))
      await changeInitialPassword(page, '1111111', demoAdminPw)
    },
    pages,
  )

  await runner.test(
    'pay: 0.01 with a success code is 成功 and listed in 交易查询',
    async () => {
      const code = wechat('00')
      await pay(page, '0.01', code)
      await waitResult(page, 'success')
      await expectText(page, 'pay-result-status', '收款成功')
      await expectText(page, 'pay-result-amount', '0.01')
      const reqsn = await textOf(page, 'pay-result-reqsn')
      const bank = (await simTrades(simURL)).find((t) => t.reqsn === reqsn)
      assert(
        bank && bank.status === '0000' && bank.amount === 1,
        `simulator ledger for ${reqsn}: ${JSON.stringify(bank)}`,
      )
      await page.click(tid('nav-trades'))
      await page.waitForSelector(tid('trades-table'))
      const row = page.locator('tr', { has: page.locator(tid('trades-cell-no'), { hasText: reqsn }) })
      await row.first().waitFor()
      const status = (await row.first().locator(tid('trades-cell-status')).innerText()).trim()
      assert(status === '成功', `交易查询 shows ${reqsn} as ${JSON.stringify(status)}`)
      await page.click(tid('nav-pay'))
    },
    pages,
  )

  await runner.test(
    'pay: outcome 90 shows 支付中, then 成功',
    async () => {
      await pay(page, '1.00', wechat('90'))
      await waitResult(page, 'paying', 5000)
      await expectText(page, 'pay-result-status', '支付中')
      await waitResult(page, 'success', 30000)
      await expectText(page, 'pay-result-status', '收款成功')
    },
    pages,
  )

  await runner.test(
    'pay: outcome 92 shows the failure reason',
    async () => {
      await pay(page, '2.00', wechat('92'))
      await waitResult(page, 'failed')
      await expectText(page, 'pay-result-status', '收款失败')
      const reason = await failureReason(page)
      assert(reason.includes('余额不足'), `failure reason ${JSON.stringify(reason)}`)
    },
    pages,
  )

  await runner.test(
    'pay: a bad amount or code is refused and never reaches the simulator',
    async () => {
      const before = (await simTrades(simURL)).length
      await pay(page, '1.234', wechat('00'))
      await page.locator(tid('pay-amount-error')).waitFor()
      await pay(page, '1.00', '12345678')
      await page.locator(tid('pay-code-error')).waitFor()
      // The Go side checks on its own, whatever the UI lets through.
      for (const [amount, code, want] of [
        ['1.234', wechat('00'), 'amount_decimals'],
        ['-1', wechat('00'), 'amount_negative'],
        ['1,5', wechat('00'), 'amount_separator'],
        ['0', wechat('00'), 'amount_zero'],
        ['99999999', wechat('00'), 'amount_too_large'],
        ['1.00', '12345678', 'paycode_invalid'],
        ['1.00', '99999999999999999999', 'paycode_invalid'],
      ]) {
        const r = await callGo(page, 'PayService', 'Pay', amount, code, 'manual')
        assert(r.error?.code === want, `Pay(${amount}, ${code}) = ${JSON.stringify(r)}, want ${want}`)
        assert(typeof r.error.message === 'string' && r.error.message.length > 0, `no message for ${want}`)
      }
      const after = (await simTrades(simURL)).length
      assert(after === before, `the simulator saw ${after - before} trades for bad input`)
    },
    pages,
  )
  await page.close()
}
