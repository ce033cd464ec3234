// Screenshots of the 收款 screens of issue 10 (初始化's 下一步, entry with a refused and a
// normalised amount, 支付中 with 撤销本笔, 已撤销本笔, a decline keeping the amount, 上一笔,
// quick pay while paying) at 1280×800 and 1024×640, against the real app in Chromium.
// Run under a display after scripts/e2e.sh: scripts/xvfb.sh node frontend/e2e/pay-shots.mjs.
// Written to build/bin/shots/pay-*.png. PAY_SHOTS_STALE=1 also waits a minute for 上一笔.
import fs from 'node:fs'
import path from 'node:path'
import { fill, freePort, launchBrowser, openPage, root, startApp, textOf, tid } from './lib.mjs'
import { wechat } from './pay.e2e.mjs'
import { changeInitialPassword, demoAdminPw, demoSmsCode, initialise, pay, waitResult } from './flows.mjs'

const out = path.join(root, 'build/bin/shots')
fs.mkdirSync(out, { recursive: true })
const sizes = [
  [1280, 800],
  [1024, 640],
]
const app = await startApp({
  name: 'payshots',
  port: await freePort(),
  config: { platform: { mode: 'embedded' } },
})
const browser = await launchBrowser()
/** shot saves the page at every size under pay-<name>-<w>x<h>.png. */
async function shot(page, name) {
  for (const [w, h] of sizes) {
    await page.setViewportSize({ width: w, height: h })
    await page.waitForTimeout(250)
    const file = path.join(out, `pay-${name}-${w}x${h}.png`)
    await page.screenshot({ path: file })
    console.log(file)
  }
}
try {
  const page = await openPage(browser, app.url, 'payshots')
  await fill(page, 'init-merchant', await textOf(page, 'demo-merchant'))
  await shot(page, 'init-next')
  await initialise(page, await textOf(page, 'demo-merchant'), () => demoSmsCode(page))
  await changeInitialPassword(page, '1111111', demoAdminPw)
  await fill(page, 'pay-amount', '12.30')
  await shot(page, 'entry')
  await fill(page, 'pay-amount', '1,5')
  await shot(page, 'refused')
  await fill(page, 'pay-amount', '１２．５')
  await shot(page, 'normalised')
  await pay(page, '3.00', wechat('91'))
  await waitResult(page, 'paying', 5000)
  await page.waitForTimeout(4000)
  await shot(page, 'paying')
  await page.click(tid('pay-cancel'))
  await waitResult(page, 'failed', 20000)
  await shot(page, 'cancelled')
  await pay(page, '8.88', wechat('92'))
  await waitResult(page, 'failed')
  await shot(page, 'declined')
  if (process.env.PAY_SHOTS_STALE) {
    await page.waitForTimeout(61000)
    await shot(page, 'last')
  }
  await page.setViewportSize({ width: 420, height: 300 })
  await page.evaluate(() => (location.hash = '#/quickpay'))
  await page.waitForSelector(tid('quickpay'))
  await fill(page, 'quickpay-amount', '2.00')
  await fill(page, 'quickpay-code', wechat('91'))
  await page.locator(tid('quickpay-code')).press('Enter')
  await page.waitForSelector(tid('quickpay-cancel'))
  await page.waitForTimeout(2500)
  await page.screenshot({ path: path.join(out, 'pay-quickpay-paying-420x300.png') })
  await page.click(tid('quickpay-cancel'))
  await page.waitForSelector(`${tid('quickpay-result')}[data-status="failed"]`, { timeout: 20000 })
  await page.screenshot({ path: path.join(out, 'pay-quickpay-cancelled-420x300.png') })
} finally {
  await browser.close()
  await app.stop()
}
