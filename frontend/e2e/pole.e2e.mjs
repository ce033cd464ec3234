// 客显 (customer pole display) as the amount source, end to end: socat makes a virtual port
// pair as com0com does on Windows (the "cashier program" writes to COM8, 小通付 listens on
// COM9); 设置 → 截屏区域配置 → 客显 saves it, the status follows, a total written to COM8 fills
// the 收款 amount and the payment's trade row has source "pole". Screenshots of the form at
// 1280×800 and 1024×640 go to build/bin/shots/. Run on its own:
//   scripts/xvfb.sh node frontend/e2e/pole.e2e.mjs   (after the builds of scripts/e2e.sh)
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  assert,
  expectText,
  fill,
  freePort,
  launchBrowser,
  openPage,
  root,
  Runner,
  sleep,
  startApp,
  tid,
} from './lib.mjs'
import { callGo, changeInitialPassword, demoAdminPw, demoSmsCode, initialise, waitResult } from './flows.mjs'
import { wechat } from './pay.e2e.mjs'

const shots = path.join(root, 'build/bin/shots')

/** portPair starts socat with two linked ptys, pos (the cashier program's end) and app. */
async function portPair() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xtf-e2e-pole-'))
  const [pos, app] = [path.join(dir, 'COM8'), path.join(dir, 'COM9')]
  const proc = spawn('socat', [`pty,link=${pos},raw,echo=0`, `pty,link=${app},raw,echo=0`], {
    stdio: 'ignore',
  })
  for (let i = 0; i < 100 && !(fs.existsSync(pos) && fs.existsSync(app)); i++) await sleep(50)
  assert(fs.existsSync(app), 'socat made no port pair')
  return { pos, app, stop: () => proc.kill() }
}

/** choosePort types a port path into the DeviceSelect marked id (it accepts any name). */
async function choosePort(page, id, name) {
  await page.click(`${tid(id)} .el-select__wrapper`)
  await page.keyboard.type(name)
  await page.keyboard.press('Enter')
  await page.keyboard.press('Escape')
}

/** poleSuite runs the 客显 flow on an app of its own. */
export async function poleSuite(runner, browser) {
  const pair = await portPair()
  const app = await startApp({
    name: 'pole',
    port: await freePort(),
    config: { platform: { mode: 'embedded' } },
  })
  const page = await openPage(browser, app.url, 'pole')
  const pages = () => [page]
  try {
    await runner.test(
      '客显: a total the cashier program sends to its display fills 收款 and is paid with source pole',
      async () => {
        await initialise(page, await page.locator(tid('demo-merchant')).innerText(), () => demoSmsCode(page))
        await changeInitialPassword(page, '1111111', demoAdminPw)
        await page.click(tid('nav-settings'))
        await page.click(tid('nav-settings-screen'))
        await page.click(tid('screen-mode-pole'))
        await choosePort(page, 'pole-port', pair.app)
        await page.click(tid('pole-save'))
        await expectText(page, 'pole-status', '正在监听')
        await expectText(page, 'screen-state', '已对接 · 客显')
        fs.writeFileSync(pair.pos, '\x1b@\x1bs1\x1bQA3.50\r\x1bs2\x1bQA12.50\r')
        await expectText(page, 'pole-total', '最近总计 ¥12.50')
        for (const [w, h] of [
          [1280, 800],
          [1024, 640],
        ]) {
          await page.setViewportSize({ width: w, height: h })
          await sleep(400)
          await page.screenshot({ path: path.join(shots, `settings-screen-pole-${w}x${h}.png`) })
        }
        await page.setViewportSize({ width: 1280, height: 800 })
        await page.click(tid('nav-pay'))
        await page.waitForSelector(tid('pay-form'))
        fs.writeFileSync(pair.pos, '\x0c\x1bs2\x1bQA8.80\r')
        await page.waitForFunction(
          (sel) => document.querySelector(sel)?.value === '8.80',
          `${tid('pay-amount')} input, input${tid('pay-amount')}`,
          { timeout: 15000 },
        )
        await fill(page, 'pay-code', wechat('00'))
        await page.click(tid('pay-submit'))
        await waitResult(page, 'success')
        const { value, error } = await callGo(page, 'TradeService', 'List', {})
        const tr = value?.trades?.[0]
        assert(!error && tr?.amount === 880 && tr.source === 'pole', `trade ${JSON.stringify(tr ?? error)}`)
      },
      pages,
    )
    await runner.test(
      '客显: a port that cannot be opened is named with its reason',
      async () => {
        await page.click(tid('nav-settings'))
        await page.click(tid('nav-settings-screen'))
        await choosePort(page, 'pole-port', '/dev/ttyNONE9')
        await page.click(tid('pole-save'))
        await expectText(page, 'pole-reason', '找不到串口 /dev/ttyNONE9')
        await sleep(500)
        await page.screenshot({ path: path.join(shots, 'settings-screen-pole-failed-1280x800.png') })
        await page.click(tid('top-lang'))
        await expectText(page, 'pole-reason', 'Port /dev/ttyNONE9 not found')
        await page.setViewportSize({ width: 1024, height: 640 })
        await sleep(500)
        await page.screenshot({ path: path.join(shots, 'settings-screen-pole-failed-en-1024x640.png') })
        await page.click(tid('top-lang'))
        assert(!fs.readFileSync(app.logFile, 'utf8').includes('panic'), 'the app panicked')
      },
      pages,
    )
  } finally {
    await page.close()
    await app.stop()
    pair.stop()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  fs.mkdirSync(shots, { recursive: true })
  const runner = new Runner()
  const browser = await launchBrowser()
  try {
    await poleSuite(runner, browser)
  } finally {
    await browser.close()
  }
  process.exit(runner.summary())
}
