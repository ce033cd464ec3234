// Screenshots of 对账结果 and the main screen's badge against the real app (dev binary, real Go
// bindings, the built-in simulator on a known port) in Chromium at 1280×800 and 1024×640, with
// the checks they are about: a clean day has no differences; after the simulator's statement
// is told to drop one trade, change another's amount and add one of its own, the screen lists
// the three kinds and the nav shows 3.
// Run under a display: scripts/xvfb.sh node frontend/e2e/reconcile-shots.mjs (after the builds
// of scripts/e2e.sh). Written to build/bin/shots/reconcile-*.png.
import fs from 'node:fs'
import path from 'node:path'
import { assert, freePort, launchBrowser, openPage, root, startApp, textOf, tid } from './lib.mjs'
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
const simPort = await freePort()
const app = await startApp({
  name: 'reconcile-shots',
  port: await freePort(),
  config: { platform: { mode: 'embedded' }, sim: { addr: `127.0.0.1:${simPort}` } },
})
const browser = await launchBrowser()
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)

async function paid(page, amount, code) {
  await pay(page, amount, code)
  await waitResult(page, 'success')
  return textOf(page, 'pay-result-reqsn')
}

try {
  const page = await openPage(browser, app.url, 'reconcile-shots')
  await initialise(page, await textOf(page, 'demo-merchant'), () => demoSmsCode(page))
  await changeInitialPassword(page, '1111111', demoAdminPw)
  const a = await paid(page, '30.00', wechat('00'))
  const b = await paid(page, '12.80', wechat('00'))
  await paid(page, '8.00', wechat('00'))
  const clean = await callGo(page, 'ReconcileService', 'Run', today)
  assert(
    clean.value?.status === 'done' && (clean.value.diffs ?? []).length === 0,
    `clean day: ${JSON.stringify(clean)}`,
  )
  const tweak = await fetch(`http://127.0.0.1:${simPort}/_sim/statement-tweak`, {
    method: 'POST',
    body: JSON.stringify({ drop: a, amount: b, bankOnly: true }),
  })
  assert(tweak.status === 204, `tweak: ${tweak.status}`)
  const run = await callGo(page, 'ReconcileService', 'Run', today)
  assert(run.value?.diffs?.length === 3, `tweaked day: ${JSON.stringify(run)}`)
  await page.click(tid('nav-trades'))
  await page.click(tid('nav-pay'))
  await page.waitForSelector(tid('nav-reconcile-open'))
  assert((await textOf(page, 'nav-reconcile-open')).includes('3'), 'badge is not 3')
  for (const locale of ['zh-CN', 'en']) {
    await page.evaluate((l) => localStorage.setItem('xtf.locale', l), locale)
    await page.reload()
    await page.waitForSelector(tid('nav-reconcile-open')).catch(async (e) => {
      await page.screenshot({ path: path.join(out, 'reconcile-failed.png') })
      throw e
    })
    for (const [w, h] of [
      [1280, 800],
      [1024, 640],
    ]) {
      await page.setViewportSize({ width: w, height: h })
      await page.click(tid('nav-pay'))
      await page.waitForTimeout(500)
      await page.screenshot({ path: path.join(out, `reconcile-badge-${locale}-${w}x${h}.png`) })
      await page.click(tid('nav-reconcile'))
      await page.waitForSelector(tid('reconcile-cell-kind'))
      await page.waitForTimeout(600)
      const kinds = await page
        .locator(tid('reconcile-cell-kind'))
        .evaluateAll((els) => els.map((e) => e.dataset.kind))
      assert(kinds.join() === 'only_bank,only_local,amount_differs', `kinds on screen: ${kinds}`)
      const file = path.join(out, `reconcile-${locale}-${w}x${h}.png`)
      await page.screenshot({ path: file })
      console.log(file)
    }
  }
  console.log('reconcile shots: ok')
} finally {
  await browser.close()
  await app.stop()
}
