// Screenshots of the 设置 screens against the real app (dev binary, real Go bindings) in
// Chromium at 1280×800 and at the manual's compact 1024×640, for a look at layout problems.
// Run under a display: scripts/xvfb.sh node frontend/e2e/settings-shots.mjs (after
// scripts/e2e.sh or the same builds). Written to build/bin/shots/settings-*.png.
import fs from 'node:fs'
import path from 'node:path'
import { fill, freePort, launchBrowser, openPage, root, startApp, textOf, tid } from './lib.mjs'
import { wechat } from './pay.e2e.mjs'
import { changeInitialPassword, demoAdminPw, demoSmsCode, initialise } from './flows.mjs'

const out = path.join(root, 'build/bin/shots')
fs.mkdirSync(out, { recursive: true })
const screens = ['print', 'box', 'screen', 'hotkey', 'cashiers', 'connection', 'about']
const app = await startApp({
  name: 'shots',
  port: await freePort(),
  config: { platform: { mode: 'embedded' } },
})
const browser = await launchBrowser()
try {
  const page = await openPage(browser, app.url, 'shots')
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  await initialise(page, await textOf(page, 'demo-merchant'), () => demoSmsCode(page))
  await changeInitialPassword(page, '1111111', demoAdminPw)
  await fill(page, 'pay-amount', '12.30')
  await page.screenshot({ path: path.join(out, 'pay-entry-1280x800.png') })
  for (const [w, h] of [
    [1280, 800],
    [1024, 640],
  ]) {
    await page.setViewportSize({ width: w, height: h })
    for (const s of screens) {
      await page.click(tid('nav-settings'))
      await page.click(tid(`nav-settings-${s}`))
      await page.waitForTimeout(700)
      const file = path.join(out, `settings-${s}-${w}x${h}.png`)
      await page.screenshot({ path: file })
      console.log(file)
    }
  }
  // 截屏区域配置 in OCR mode, and the quick-pay dialog's failure at its own size.
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.click(tid('nav-settings-screen'))
  await page.click(tid('screen-mode-ocr'))
  await page.waitForTimeout(300)
  await page.screenshot({ path: path.join(out, 'settings-screen-ocr-1280x800.png') })
  await page.click(tid('screen-pick'))
  await page.waitForSelector(`${tid('region-dialog')}, .el-message--error`, { timeout: 20000 })
  await page.waitForTimeout(800)
  await page.screenshot({ path: path.join(out, 'settings-screen-pick-1280x800.png') })
  await page.keyboard.press('Escape')
  await page.waitForTimeout(300)
  await page.setViewportSize({ width: 420, height: 300 })
  await page.evaluate(() => (location.hash = '#/quickpay'))
  await page.waitForSelector(tid('quickpay'))
  await fill(page, 'quickpay-amount', '2.00')
  await fill(page, 'quickpay-code', wechat('92'))
  await page.screenshot({ path: path.join(out, 'quickpay-entry-420x300.png') })
  await page.locator(tid('quickpay-code')).press('Enter')
  await page.waitForSelector(`${tid('quickpay-result')}[data-status="failed"]`)
  await page.screenshot({ path: path.join(out, 'quickpay-failed-420x300.png') })
  if (errors.length) console.log(`page errors: ${errors.join('; ')}`)
} finally {
  await browser.close()
  await app.stop()
}
