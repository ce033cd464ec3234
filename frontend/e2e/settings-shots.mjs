// Screenshots of the 设置 screens against the real app (dev binary, real Go bindings) in
// Chromium at 1280×800 and at the manual's compact 1024×640, for a look at layout problems.
// Run under a display: scripts/xvfb.sh node frontend/e2e/settings-shots.mjs (after
// scripts/e2e.sh or the same builds). Written to build/bin/shots/settings-*.png.
import fs from 'node:fs'
import path from 'node:path'
import { freePort, launchBrowser, openPage, root, startApp, textOf, tid } from './lib.mjs'
import { demoSmsCode, initialise, skipPasswordChange } from './flows.mjs'

const out = path.join(root, 'build/bin/shots')
fs.mkdirSync(out, { recursive: true })
const screens = ['print', 'box', 'screen', 'hotkey', 'cashiers', 'connection']
const app = await startApp({ name: 'shots', port: await freePort(), config: { platform: { mode: 'embedded' } } })
const browser = await launchBrowser()
try {
  const page = await openPage(browser, app.url, 'shots')
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  await initialise(page, await textOf(page, 'demo-merchant'), () => demoSmsCode(page))
  await skipPasswordChange(page)
  for (const [w, h] of [[1280, 800], [1024, 640]]) {
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
  if (errors.length) console.log(`page errors: ${errors.join('; ')}`)
} finally {
  await browser.close()
  await app.stop()
}
