// Screenshots of 对账结果 and the main screen's badge against the real app (dev binary, real Go
// bindings, the built-in simulator on a known port) in Chromium at 1280×800 and 1024×640, with
// the checks they are about: a clean day has no differences; after the simulator's statement
// is told to drop one trade, change another's amount and add one of its own, the screen lists
// the three kinds and the nav shows 3.
// Run under a display: scripts/xvfb.sh node frontend/e2e/reconcile-shots.mjs (after the builds
// of scripts/e2e.sh). Written to build/bin/shots/reconcile-*.png.
import fs from 'node:fs'
import path from 'node:path'
import { assert, launchBrowser, openPage, root, textOf, tid } from './lib.mjs'
import { kindsOnScreen, seedDifferences, startReconcileApp } from './reconcile.e2e.mjs'

const out = path.join(root, 'build/bin/shots')
fs.mkdirSync(out, { recursive: true })
const { app, simURL } = await startReconcileApp('reconcile-shots')
const browser = await launchBrowser()

try {
  const page = await openPage(browser, app.url, 'reconcile-shots')
  await seedDifferences(page, simURL)
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
      const kinds = await kindsOnScreen(page)
      await page.waitForTimeout(600)
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
