// Issue 10 end to end on the embedded demo terminal in a plain browser (the README's browser
// mode, where a native save dialog would open on a screen nobody sees): 交易查询 by channel
// and over a period (issue 12) with its totals, with 部分退货, 导出 and 统计 → 保存图片 as downloads, every column and the footnote in view
// at 1024×640, and the 原交易 panel after a void.
import fs from 'node:fs'
import { assert, expectText, fill, openPage, textOf, tid } from './lib.mjs'
import { callGo, demoAdminPw, pay, waitResult } from './flows.mjs'
import { wechat } from './pay.e2e.mjs'

const digits = (n) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('')

/** paid charges amount with a success code and returns its order number. */
async function paid(page, amount, code) {
  await pay(page, amount, code)
  await waitResult(page, 'success')
  return textOf(page, 'pay-result-reqsn')
}

/** pick chooses the option called label in the el-select marked id. */
async function pick(page, id, label) {
  await page.click(tid(id))
  await page.locator('.el-select-dropdown__item:visible', { hasText: label }).first().click()
}

/** download clicks id and returns the file the browser was handed: its name and bytes. */
async function download(page, id) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.click(tid(id))])
  return { name: dl.suggestedFilename(), data: fs.readFileSync(await dl.path()) }
}

/** showAlipay lists today's 支付宝 trades of 交易查询 (ali among them). */
async function showAlipay(page, ali) {
  await page.click(tid('nav-trades'))
  await fill(page, 'trades-tradeno', '')
  await pick(page, 'trades-channel', '支付宝')
  await page.click(tid('trades-query'))
  await page.waitForFunction((no) => document.body.innerText.includes(no), ali)
}

/** overflow reports how far an element's content runs past its box (0, 0 when it fits). */
function overflow(page, selector) {
  return page.$eval(selector, (el) => [el.scrollWidth - el.clientWidth, el.scrollHeight - el.clientHeight])
}

/** tradesSuite registers the issue-10 trade tests on runner for the demo app (initialised). */
export async function tradesSuite(runner, browser, app) {
  const page = await openPage(browser, app.url, 'trades')
  const pages = () => [page]
  await page.waitForSelector(tid('pay-form'))
  const day = await page.evaluate(() => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10))
  const we = await paid(page, '30.00', wechat('00'))
  const ali = await paid(page, '2.00', `28${digits(14)}00`)
  const refund = await callGo(page, 'TradeService', 'Refund', we, '10.00', demoAdminPw)
  assert(refund.value?.status === 'success', `refund: ${JSON.stringify(refund)}`)

  await runner.test(
    'trades: 支付方式 filter, 部分退货 with its sum, all columns and the footnote at 1024×640',
    async () => {
      await page.setViewportSize({ width: 1024, height: 640 })
      await page.click(tid('nav-trades'))
      await fill(page, 'trades-tradeno', we)
      await page.click(tid('trades-query'))
      await expectText(page, 'trades-cell-status', '部分退货')
      await expectText(page, 'trades-cell-remark', '已退 ¥10.00')
      const [dx] = await overflow(page, `${tid('trades-table')} .el-scrollbar__wrap`)
      assert(dx <= 0, `the table scrolls sideways by ${dx}px at 1024×640`)
      const [nx, ny] = await overflow(page, '.foot .notes')
      assert(nx <= 0 && ny <= 0, `the footnote is cut (${nx}, ${ny})`)
      await fill(page, 'trades-tradeno', '')
      await showAlipay(page, ali)
      const types = await page
        .locator(`${tid('trades-table')} .el-table__body tr td:nth-child(3)`)
        .allInnerTexts()
      assert(
        types.length > 0 && types.every((x) => x.trim() === '支付宝支付'),
        `支付宝 filter shows ${types}`,
      )
      await page.setViewportSize({ width: 1280, height: 800 })
    },
    pages,
  )

  await runner.test(
    'trades: 本月 with the 支付宝 filter lists and sums the period as Go does; over the span is refused',
    async () => {
      await page.setViewportSize({ width: 1024, height: 640 })
      await page.click(tid('nav-trades'))
      await fill(page, 'trades-tradeno', '')
      await pick(page, 'trades-period', '本月')
      await pick(page, 'trades-channel', '支付宝')
      await page.click(tid('trades-query'))
      await page.waitForFunction((no) => document.body.innerText.includes(no), ali)
      const from = `${day.slice(0, 8)}01`
      const types = await page
        .locator(`${tid('trades-table')} .el-table__body tr td:nth-child(3)`)
        .allInnerTexts()
      assert(types.length > 0 && types.every((x) => x.trim() === '支付宝支付'), `本月 支付宝 shows ${types}`)
      if (from !== day) {
        const times = await page.locator(tid('trades-cell-time')).allInnerTexts()
        assert(
          times.every((x) => /^\d\d-\d\d \d\d:\d\d$/.test(x.trim())),
          `times ${times}`,
        )
      }
      const f = { day: '', from, to: day, storeId: 0, cashier: '', kind: '', channel: 'alipay' }
      const go = await callGo(page, 'TradeService', 'Totals', {
        ...f,
        status: '',
        tradeNo: '',
        terminal: true,
      })
      assert(go.value, `totals: ${JSON.stringify(go)}`)
      const yuan = (fen) => (fen / 100).toFixed(2)
      await expectText(
        page,
        'trades-totals',
        `合计 ${go.value.count} 笔：收款 ${go.value.payCount} 笔 ¥${yuan(go.value.payAmount)}`,
      )
      const [dx] = await overflow(page, `${tid('trades-table')} .el-scrollbar__wrap`)
      assert(dx <= 0, `the table scrolls sideways by ${dx}px at 1024×640 over a period`)
      const [nx, ny] = await overflow(page, '.foot .notes')
      assert(nx <= 0 && ny <= 0, `the footnote is cut (${nx}, ${ny})`)
      await expectText(page, 'trades-note', '单次最长 92 天')
      const long = await callGo(page, 'TradeService', 'List', {
        ...f,
        from: '2025-01-01',
        status: '',
        tradeNo: '',
        terminal: true,
        offset: 0,
        limit: 20,
      })
      assert(
        JSON.stringify(long.error ?? '').includes('range_too_long'),
        `a long period: ${JSON.stringify(long)}`,
      )
      await pick(page, 'trades-period', '今天')
      await page.setViewportSize({ width: 1280, height: 800 })
    },
    pages,
  )

  await runner.test(
    'trades: 导出 in a browser is a download of the filtered trades, never a hidden dialog',
    async () => {
      await showAlipay(page, ali)
      const file = await download(page, 'trades-export')
      const text = file.data.toString('utf8')
      assert(file.name === `交易数据-${day}.csv`, `downloaded ${file.name}`)
      assert(
        text.includes('交易单号') && text.includes(ali) && !text.includes(we),
        `csv:\n${text.slice(0, 400)}`,
      )
      await page.waitForSelector(tid('trades-export-progress'), { state: 'detached' })
    },
    pages,
  )

  await runner.test(
    'trades: 统计 shows the picture Go drew and 保存图片 downloads those same bytes',
    async () => {
      await page.click(tid('trades-stats'))
      await page.waitForSelector(tid('stats-picture'))
      const shown = await page.$eval(tid('stats-picture'), (img) => img.getAttribute('src'))
      await page.waitForFunction((sel) => document.querySelector(sel)?.naturalWidth > 0, tid('stats-picture'))
      const file = await download(page, 'stats-save')
      assert(file.name === `交易统计-${day}.png`, `downloaded ${file.name}`)
      assert(
        shown === `data:image/png;base64,${file.data.toString('base64')}`,
        'the saved picture is not the one shown',
      )
      await page.click(tid('stats-close'))
    },
    pages,
  )

  await runner.test(
    'reverse: after a void the 原交易 panel says it was voided, with nothing left to refund',
    async () => {
      const no = await paid(page, '2.00', wechat('00'))
      await page.evaluate((n) => (location.hash = `#/reverse/cancel?no=${n}`), no)
      await page.waitForSelector(`${tid('reverse-orig')}[data-state="found"]`)
      await fill(page, 'reverse-password', demoAdminPw)
      await page.locator(tid('reverse-password')).press('Enter')
      await page.waitForSelector(`${tid('reverse-result')}[data-status="success"]`, { timeout: 30000 })
      await page.waitForSelector(`${tid('reverse-orig-problem')}[data-tone="info"]`)
      await expectText(page, 'reverse-orig-problem', '该交易已撤销')
      assert(
        (await page.locator(tid('reverse-orig-refundable')).count()) === 0,
        '可退金额 shown for a voided trade',
      )
    },
    pages,
  )
  await page.close()
}
