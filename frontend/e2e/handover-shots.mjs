// Runs the 交接班 suite alone on a fresh embedded demo terminal and takes screenshots of
// 交接班记录, the 交接班 dialog and the "交班后退出?" prompt at
// 1280×800 and 1024×640. Run under a display: scripts/xvfb.sh node frontend/e2e/handover-shots.mjs
// (after scripts/e2e.sh or the same builds). Written to build/bin/shots/handover-*.png.
import fs from 'node:fs'
import path from 'node:path'
import { freePort, launchBrowser, openPage, root, Runner, startApp, tid } from './lib.mjs'
import { changeInitialPassword, demoAdminPw, demoSmsCode, initialise, pay, waitResult } from './flows.mjs'
import { textOf } from './lib.mjs'
import { wechat } from './pay.e2e.mjs'
import { askLogout, handoverSuite, openShift } from './handover.e2e.mjs'

const out = path.join(root, 'build/bin/shots')
fs.mkdirSync(out, { recursive: true })
const app = await startApp({
  name: 'handover-shots',
  port: await freePort(),
  config: { platform: { mode: 'embedded' } },
})
const browser = await launchBrowser()
const runner = new Runner()

try {
  const page = await openPage(browser, app.url, 'handover-shots')
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  await initialise(page, await textOf(page, 'demo-merchant'), () => demoSmsCode(page))
  await changeInitialPassword(page, '1111111', demoAdminPw)
  await handoverSuite(runner, browser, app, page)
  await pay(page, '30.00', wechat('00'))
  await waitResult(page, 'success')
  await pay(page, '8.80', `28${'1234567890123'}400`)
  await waitResult(page, 'success')
  for (const [w, h] of [
    [1280, 800],
    [1024, 640],
  ]) {
    await page.setViewportSize({ width: w, height: h })
    const shot = async (name) => {
      await page.waitForTimeout(700)
      const file = path.join(out, `handover-${name}-${w}x${h}.png`)
      await page.screenshot({ path: file })
      console.log(file)
    }
    await page.click(tid('nav-handover'))
    await page.waitForSelector(tid('handovers-cell-no'))
    await shot('list')
    await openShift(page)
    await shot('dialog')
    await page.click(tid('handover-cancel'))
    await page.waitForSelector(tid('handover-dialog'), { state: 'hidden' })
    await askLogout(page)
    await shot('prompt')
    await page.click(tid('leave-cancel'))
    await page.waitForSelector(tid('leave-prompt'), { state: 'hidden' })
    await page.keyboard.press('Escape')
    await page.waitForSelector(tid('profile-dialog'), { state: 'hidden' })
  }
  await page.setViewportSize({ width: 1024, height: 640 })
  await page.click(tid('top-lang'))
  await openShift(page)
  await page.waitForTimeout(700)
  await page.screenshot({ path: path.join(out, 'handover-dialog-en-1024x640.png') })
  await page.click(tid('handover-cancel'))
  await page.waitForSelector(tid('handover-dialog'), { state: 'hidden' })
  await page.waitForTimeout(500)
  await page.screenshot({ path: path.join(out, 'handover-list-en-1024x640.png') })
  await page.click(tid('top-lang'))
  if (errors.length) console.log(`page errors: ${errors.join('; ')}`)
} finally {
  await browser.close()
  await app.stop()
}
process.exit(runner.summary())
