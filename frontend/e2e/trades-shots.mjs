// Screenshots of 交易查询, 统计, 撤销/退货 and the receipt preview against the real app (dev
// binary, real Go bindings) in Chromium at 1280×800 and at the manual's compact 1024×640.
// Run under a display: scripts/xvfb.sh node frontend/e2e/trades-shots.mjs (after
// scripts/e2e.sh or the same builds). Written to build/bin/shots/trades-*.png.
import fs from 'node:fs'
import path from 'node:path'
import { freePort, launchBrowser, openPage, root, startApp, textOf, tid } from './lib.mjs'
import { wechat } from './pay.e2e.mjs'
import {
  callGo,
  changeInitialPassword,
  demoAdminPw,
  demoSmsCode,
  initialise,
  pay,
  waitResult,
} from './flows.mjs'

const out = path.join(root, 'build/bin/shots')
fs.mkdirSync(out, { recursive: true })
const app = await startApp({
  name: 'trades-shots',
  port: await freePort(),
  config: { platform: { mode: 'embedded' } },
})
const browser = await launchBrowser()
const digits = (n) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('')

/** pickPeriod chooses a preset period of 交易查询 (本月, 今天…). */
async function pickPeriod(page, label) {
  await page.click(tid('trades-period'))
  await page.locator('.el-select-dropdown__item:visible', { hasText: label }).first().click()
  await page.waitForTimeout(500)
}

/** paid charges amount with code and returns the order number. */
async function paid(page, amount, code, phase = 'success') {
  await pay(page, amount, code)
  await waitResult(page, phase)
  return textOf(page, 'pay-result-reqsn')
}

try {
  const page = await openPage(browser, app.url, 'trades-shots')
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  await initialise(page, await textOf(page, 'demo-merchant'), () => demoSmsCode(page))
  await changeInitialPassword(page, '1111111', demoAdminPw)
  const part = await paid(page, '30.00', wechat('00'))
  const voided = await paid(page, '2.00', `28${digits(14)}00`)
  await paid(page, '128.50', `62${digits(15)}00`)
  const failed = await paid(page, '2.00', wechat('92'), 'failed')
  await callGo(page, 'TradeService', 'Refund', part, '10.00', demoAdminPw)
  await callGo(page, 'TradeService', 'Cancel', voided, demoAdminPw)
  for (const [w, h] of [
    [1280, 800],
    [1024, 640],
  ]) {
    await page.setViewportSize({ width: w, height: h })
    const shot = async (name) => {
      await page.waitForTimeout(700)
      const file = path.join(out, `trades-${name}-${w}x${h}.png`)
      await page.screenshot({ path: file })
      console.log(file)
    }
    await page.click(tid('nav-trades'))
    await page.waitForSelector(tid('trades-cell-no'))
    await shot('list')
    await page.click(tid('trades-stats'))
    await page.waitForSelector(tid('stats-picture'))
    await shot('stats')
    await page.click(tid('stats-close'))
    await pickPeriod(page, '本月')
    await page.waitForSelector(tid('trades-cell-time'))
    await shot('list-month')
    await page.click(tid('trades-stats'))
    await page.waitForSelector(tid('stats-picture'))
    await shot('stats-month')
    await page.click(tid('stats-close'))
    await pickPeriod(page, '今天')
    await page.evaluate((no) => (location.hash = `#/reverse/cancel?no=${no}`), voided)
    await page.waitForSelector(`${tid('reverse-orig')}[data-state="found"]`)
    await shot('reverse-voided')
    await page.evaluate((no) => (location.hash = `#/reverse/refund?no=${no}`), failed)
    await page.waitForSelector(`${tid('reverse-orig')}[data-state="found"]`)
    await shot('reverse-failed')
    await page.click(tid('nav-settings'))
    await page.click(tid('nav-settings-print'))
    await page.waitForSelector(tid('print-preview-line'))
    await shot('print')
  }
  if (errors.length) console.log(`page errors: ${errors.join('; ')}`)
} finally {
  await browser.close()
  await app.stop()
}
