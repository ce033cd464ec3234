// Screenshots of what a cashier sees of the admin's settings, against the real app in
// Chromium at 1280×800 and 1024×640, with the checks the shots are about: the device and
// connection screens read-only for cashier 02, Go refusing a bound call with admin_only, the
// login screen's 连接设置 asking for the admin password, no 删除 for 01.
// Run under a display: scripts/xvfb.sh node frontend/e2e/roles-shots.mjs (after the builds of
// scripts/e2e.sh). Written to build/bin/shots/roles-*.png.
import fs from 'node:fs'
import path from 'node:path'
import { assert, freePort, launchBrowser, openPage, root, startApp, textOf, tid } from './lib.mjs'
import {
  addCashier,
  callGo,
  changeInitialPassword,
  demoAdminPw,
  demoSmsCode,
  goSettingsCashiers,
  initialise,
  login,
  logout,
} from './flows.mjs'

const out = path.join(root, 'build/bin/shots')
fs.mkdirSync(out, { recursive: true })
const app = await startApp({
  name: 'roles',
  port: await freePort(),
  config: { platform: { mode: 'embedded' } },
})
const browser = await launchBrowser()
const shot = (page, name, [w, h]) => page.screenshot({ path: path.join(out, `roles-${name}-${w}x${h}.png`) })
try {
  const page = await openPage(browser, app.url, 'roles')
  await initialise(page, await textOf(page, 'demo-merchant'), () => demoSmsCode(page))
  await changeInitialPassword(page, '1111111', demoAdminPw)
  await goSettingsCashiers(page)
  await addCashier(page, { account: '02', password: 'Cash2026x', name: '收银员小王' })
  assert((await page.locator(`${tid('cashiers-delete')}`).count()) === 1, '删除 offered for 01')
  await shot(page, 'cashiers', [1280, 800])
  await logout(page)
  await login(page, '02', 'Cash2026x')
  await page.waitForSelector(tid('pay-form'))
  const refused = await callGo(page, 'DeviceService', 'SaveBox', { enabled: true, port: 'COM9' })
  assert(refused.error?.code === 'admin_only', `SaveBox as a cashier: ${JSON.stringify(refused)}`)
  for (const size of [
    [1280, 800],
    [1024, 640],
  ]) {
    await page.setViewportSize({ width: size[0], height: size[1] })
    for (const s of ['print', 'box', 'connection']) {
      await page.click(tid('nav-settings'))
      await page.click(tid(`nav-settings-${s}`))
      await page.waitForTimeout(600)
      await shot(page, `cashier-${s}`, size)
    }
  }
  assert(await page.locator(tid('connection-readonly')).isVisible(), 'connection not read-only for 02')
  await logout(page)
  await page.click(tid('auth-connection'))
  await page.waitForSelector(tid('connection-admin-password'))
  for (const size of [
    [1280, 800],
    [1024, 640],
  ]) {
    await page.setViewportSize({ width: size[0], height: size[1] })
    await page.waitForTimeout(300)
    await shot(page, 'login-connection', size)
  }
  console.log('roles shots: ok')
} finally {
  await browser.close()
  await app.stop()
}
