// Screenshots of what Go's box and printer codes look like on 设置 (盒子配置 with a port that does
// not exist, 打印配置 after a test print to a closed loopback port, 快捷键配置), in Chinese and in
// English, at 1280×800 and 1024×640, against the real app (dev binary, real Go bindings).
// Run under a display after scripts/e2e.sh's builds: scripts/xvfb.sh node frontend/e2e/codes-shots.mjs
// Written to build/bin/shots/codes-*.png.
import fs from 'node:fs'
import path from 'node:path'
import { freePort, launchBrowser, openPage, root, startApp, textOf, tid } from './lib.mjs'
import { pick } from './devices.e2e.mjs'
import { changeInitialPassword, demoAdminPw, demoSmsCode, initialise } from './flows.mjs'

const out = path.join(root, 'build/bin/shots')
fs.mkdirSync(out, { recursive: true })
const closed = await freePort() // nothing listens there
const app = await startApp({
  name: 'codes',
  port: await freePort(),
  config: { platform: { mode: 'embedded' } },
})
const browser = await launchBrowser()

async function shoot(page, name) {
  for (const [w, h] of [
    [1280, 800],
    [1024, 640],
  ]) {
    await page.setViewportSize({ width: w, height: h })
    await page.waitForTimeout(300)
    const file = path.join(out, `codes-${name}-${w}x${h}.png`)
    await page.screenshot({ path: file })
    console.log(file)
  }
  await page.setViewportSize({ width: 1280, height: 800 })
}

try {
  const page = await openPage(browser, app.url, 'codes')
  await initialise(page, await textOf(page, 'demo-merchant'), () => demoSmsCode(page))
  await changeInitialPassword(page, '1111111', demoAdminPw)
  for (const locale of ['zh-CN', 'en']) {
    await page.evaluate((l) => localStorage.setItem('xtf.locale', l), locale)
    await page.reload({ waitUntil: 'networkidle' })
    await page.click(tid('nav-settings'))
    await page.click(tid('nav-settings-box'))
    if (locale === 'zh-CN') {
      await page.click(tid('box-enabled'))
      await pick(page, 'box-port', '/dev/ttyXTF9')
      await page.click(tid('box-save'))
    }
    await page.waitForSelector(tid('box-status-reason'))
    await shoot(page, `box-${locale}`)
    await page.click(tid('nav-settings-print'))
    await page.waitForTimeout(500)
    await pick(page, 'print-printer', `tcp://127.0.0.1:${closed}`)
    await page.click(tid('print-test'))
    await page.waitForSelector('.el-form-item.is-error .el-form-item__error', { timeout: 30000 })
    await shoot(page, `print-${locale}`)
    await page.click(tid('nav-settings-hotkey'))
    await page.waitForTimeout(500)
    await shoot(page, `hotkey-${locale}`)
  }
} finally {
  await browser.close()
  await app.stop()
}
