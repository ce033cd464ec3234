// Prepares a demo terminal for scripts/screenshots.sh: initialises it in the data folder given
// as argv[2] through the dev binary and Chromium, then stops. The production window opened
// on the same folder afterwards starts on 登录 (the session lives in memory only).
import { freePort, launchBrowser, openPage, startApp, textOf } from './lib.mjs'
import { changeInitialPassword, demoAdminPw, demoSmsCode, initialise } from './flows.mjs'

const dir = process.argv[2]
const app = await startApp({
  name: 'shots',
  port: await freePort(),
  dir,
  config: { platform: { mode: 'embedded' } },
})
const browser = await launchBrowser()
try {
  const page = await openPage(browser, app.url, 'shots')
  await initialise(page, await textOf(page, 'demo-merchant'), () => demoSmsCode(page))
  await changeInitialPassword(page, '1111111', demoAdminPw)
} finally {
  await browser.close()
  await app.stop()
}
