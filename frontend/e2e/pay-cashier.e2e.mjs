// Issue 10, "Cashier-proof screens", money points 1–4 end to end on the embedded demo terminal
// (real platform, real simulator on loopback, real Go bindings), after paySuite initialised it.
import { assert, expectText, fill, openPage, textOf, tid } from './lib.mjs'
import { demoAdminPw, login, logout, pay, waitResult } from './flows.mjs'
import { simTrades, wechat } from './pay.e2e.mjs'

/** payCashierSuite registers the issue-10 money tests on runner for the app at app.url. */
export async function payCashierSuite(runner, browser, app, simURL) {
  const page = await openPage(browser, app.url, 'pay-cashier')
  const pages = () => [page]
  const amountValue = () => page.locator(tid('pay-amount')).inputValue()

  await runner.test(
    'pay: "-1" and "1,5" stay as typed and are refused; full-width １２ is charged ¥12.00',
    async () => {
      await page.waitForSelector(tid('pay-form'))
      const before = (await simTrades(simURL)).length
      for (const [typed, why] of [
        ['-1', '金额不能为负数'],
        ['1,5', '金额不能有逗号'],
      ]) {
        await pay(page, typed, wechat('00'))
        await expectText(page, 'pay-amount-error', why)
        assert((await amountValue()) === typed, `the field shows ${await amountValue()} for ${typed}`)
      }
      assert((await simTrades(simURL)).length === before, 'a refused amount reached the bank')
      await fill(page, 'pay-amount', '１２')
      assert((await amountValue()) === '12', `full-width １２ shows as ${await amountValue()}`)
      await expectText(page, 'pay-amount-note', '12')
      await fill(page, 'pay-code', wechat('00'))
      await page.click(tid('pay-submit'))
      await waitResult(page, 'success')
      const reqsn = await textOf(page, 'pay-result-reqsn')
      const bank = (await simTrades(simURL)).find((t) => t.reqsn === reqsn)
      assert(bank?.amount === 1200, `the bank charged ${JSON.stringify(bank)} for １２`)
    },
    pages,
  )

  await runner.test(
    'pay: 撤销本笔 while 支付中 closes the payment at the bank within seconds',
    async () => {
      await pay(page, '3.00', wechat('91')) // waits for the customer until closed
      await waitResult(page, 'paying', 5000)
      await expectText(page, 'pay-progress-queries', '已向通联查询')
      const start = Date.now()
      await page.click(tid('pay-cancel'))
      await waitResult(page, 'failed', 20000)
      const took = Date.now() - start
      await expectText(page, 'pay-result-status', '已撤销本笔')
      await expectText(page, 'pay-result-reason', '未扣款')
      const reqsn = await textOf(page, 'pay-result-reqsn')
      const bank = (await simTrades(simURL)).find((t) => t.reqsn === reqsn)
      assert(bank?.status === '3088', `bank: ${JSON.stringify(bank)}, want closed (3088)`)
      assert(took < 15000, `closing took ${took} ms`)
    },
    pages,
  )

  await runner.test(
    'pay: after 余额不足 the amount stays and the cursor waits in the code',
    async () => {
      await pay(page, '8.88', wechat('92'))
      await waitResult(page, 'failed')
      assert((await amountValue()) === '8.88', `amount after the decline: ${await amountValue()}`)
      assert((await page.locator(tid('pay-code')).inputValue()) === '', 'the code was kept')
      const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))
      assert(focused === 'pay-code', `focus is on ${focused}`)
    },
    pages,
  )

  await runner.test(
    'pay: a 收款成功 does not survive 退出登录 and the next login',
    async () => {
      await pay(page, '8.88', wechat('00'))
      await waitResult(page, 'success')
      await logout(page)
      await login(page, '01', demoAdminPw)
      await page.waitForSelector(tid('pay-form'))
      await waitResult(page, 'idle', 5000)
      const amount = page.locator(tid('pay-result-amount'))
      assert((await amount.count()) === 0, 'the old amount is still on the 收款 screen')
    },
    pages,
  )
  await runner.test(
    'pay: an enabled 确认收款 stays as dark as at rest under the mouse; only a disabled one is pale',
    async () => {
      const bg = () => page.locator(tid('pay-submit')).evaluate((n) => getComputedStyle(n).backgroundColor)
      const light = (c) =>
        c
          .match(/\d+/g)
          .slice(0, 3)
          .reduce((a, b) => a + Number(b), 0)
      await page.mouse.move(0, 0)
      const rest = await bg()
      await page.hover(tid('pay-submit'))
      await page.waitForTimeout(300)
      const hover = await bg()
      assert(light(hover) <= light(rest), `hovered 确认收款 ${hover} is paler than at rest ${rest}`)
    },
    pages,
  )
  await page.close()
}
