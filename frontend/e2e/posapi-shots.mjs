// Screenshots of 设置 → 截屏区域配置 with the 金额来源 list and 收银软件接口, and of the quick-pay
// dialog a POS API request opens, against the real app (dev binary, real Go bindings): the
// request is sent over loopback HTTP with the key the screen shows, as cashier software would.
// Run under a display: scripts/xvfb.sh node frontend/e2e/posapi-shots.mjs (after the builds of
// scripts/e2e.sh). Written to build/bin/shots/posapi-*.png.
import fs from 'node:fs'
import path from 'node:path'
import { assert, fill, freePort, launchBrowser, openPage, root, startApp, textOf, tid } from './lib.mjs'
import { wechat } from './pay.e2e.mjs'
import { changeInitialPassword, demoAdminPw, demoSmsCode, initialise } from './flows.mjs'

const out = path.join(root, 'build/bin/shots')
fs.mkdirSync(out, { recursive: true })
const app = await startApp({
  name: 'posshots',
  port: await freePort(),
  config: { platform: { mode: 'embedded' } },
})
const browser = await launchBrowser()
const shot = async (page, name) => {
  const file = path.join(out, `posapi-${name}.png`)
  await page.screenshot({ path: file })
  console.log(file)
}
try {
  const page = await openPage(browser, app.url, 'posshots')
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  await initialise(page, await textOf(page, 'demo-merchant'), () => demoSmsCode(page))
  await changeInitialPassword(page, '1111111', demoAdminPw)
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.click(tid('nav-settings'))
  await page.click(tid('nav-settings-screen'))
  await page.waitForSelector(tid('pos-api'))
  await page.waitForTimeout(500)
  await shot(page, 'settings-off-1280x800')
  const port = await freePort()
  await fill(page, 'pos-port', String(port))
  await page.click(tid('pos-enabled'))
  await page.click(tid('pos-save'))
  await page.waitForSelector(`${tid('pos-key')}`)
  await page.waitForTimeout(500)
  const key = await page.inputValue(tid('pos-key'))
  assert(key.length >= 32, `key ${key}`)
  await page.click(tid('source-pos-test'))
  await page.waitForTimeout(400)
  await shot(page, 'settings-on-1280x800')
  await page.setViewportSize({ width: 1024, height: 640 })
  await page.waitForTimeout(400)
  await shot(page, 'settings-on-1024x640')
  const res = await fetch(`http://127.0.0.1:${port}/v1/payments`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ outTradeNo: 'A1001', amount: 1234 }),
  })
  const body = await res.json()
  assert(res.status === 201 && body.state === 'awaiting_code', `POST: ${res.status} ${JSON.stringify(body)}`)
  await page.waitForTimeout(3500) // the settings' toasts fade
  await page.setViewportSize({ width: 420, height: 300 })
  await page.waitForSelector(tid('quickpay-source'), { timeout: 15000 })
  const label = await textOf(page, 'quickpay-source')
  assert(label.includes('A1001'), `label ${label}`)
  await shot(page, 'quickpay-420x300')
  await fill(page, 'quickpay-code', wechat('00'))
  await page.locator(tid('quickpay-code')).press('Enter')
  await page.waitForSelector(`${tid('quickpay-result')}[data-status="success"]`, { timeout: 20000 })
  await shot(page, 'quickpay-paid-420x300')
  const got = await fetch(`http://127.0.0.1:${port}/v1/payments/A1001?wait=10`, {
    headers: { Authorization: `Bearer ${key}` },
  }).then((r) => r.json())
  assert(got.state === 'paid' && got.trade?.amount === 1234, `GET: ${JSON.stringify(got)}`)
  console.log(`order A1001: ${got.state}, trade ${got.trade.reqsn}`)
  if (errors.length) console.log(`page errors: ${errors.join('; ')}`)
} finally {
  await browser.close()
  await app.stop()
}
