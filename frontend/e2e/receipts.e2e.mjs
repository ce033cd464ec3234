// Issue 12 point 3 end to end on the embedded demo terminal: every receipt carries its order
// number as a QR code; a keyboard scanner reading that QR on 撤销 and 交易查询 finds the trade,
// on 收款 it is refused and nothing is charged; 补打 prints the receipt again marked 重打印.
// The printer is a file (file://…), so the bytes Go sent are read back. Run alone after the
// builds of scripts/e2e.sh: scripts/xvfb.sh node frontend/e2e/receipts.e2e.mjs
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  assert,
  expectText,
  fill,
  freePort,
  launchBrowser,
  openPage,
  outDir,
  Runner,
  startApp,
  tid,
} from './lib.mjs'
import {
  callGo,
  changeInitialPassword,
  demoAdminPw,
  demoSmsCode,
  initialise,
  pay,
  waitResult,
} from './flows.mjs'
import { wechat } from './pay.e2e.mjs'

/** gb is the GB18030 bytes of Chinese text as Go prints it (these characters only). */
const gbBytes = { 重打印: Buffer.from([0xd6, 0xd8, 0xb4, 0xf2, 0xd3, 0xa1]) }

/** qrStore is the printer's QR command that stores content (ESC/POS GS ( k, function 180). */
const qrStore = (s) =>
  Buffer.concat([Buffer.from([0x1d, 0x28, 0x6b, s.length + 3, 0, 0x31, 0x50, 0x30]), Buffer.from(s)])

/** waitPrinted waits until the printer file holds every byte string of wants after offset. */
async function waitPrinted(file, from, wants, timeout = 20000) {
  const end = Date.now() + timeout
  for (;;) {
    const data = fs.existsSync(file) ? fs.readFileSync(file).subarray(from) : Buffer.alloc(0)
    const missing = wants.filter((w) => !data.includes(w))
    if (!missing.length) return data
    if (Date.now() > end)
      throw new Error(`printer file lacks ${missing.map((m) => m.toString('hex')).join(', ')}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

/**
 * scan types code and Enter as a keyboard-wedge scanner does, 5 ms apart. The keys go through
 * CDP with their own timestamps, so a busy test machine does not stretch the gaps the page
 * sees (event.timeStamp) the way round trips per key would.
 */
async function scan(page, code) {
  const cdp = await page.context().newCDPSession(page)
  let at = Date.now() / 1000
  for (const ch of [...code, '\r']) {
    const enter = ch === '\r'
    const key = enter
      ? { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' }
      : { key: ch, code: `Digit${ch}`, windowsVirtualKeyCode: 48 + Number(ch), text: ch }
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', timestamp: at, ...key })
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'keyUp',
      timestamp: at + 0.001,
      ...key,
      text: undefined,
    })
    at += 0.005
  }
  await cdp.detach()
}

/** receiptsSuite registers the receipt QR tests on runner for the demo app (initialised). */
export async function receiptsSuite(runner, browser, app) {
  const page = await openPage(browser, app.url, 'receipts')
  const pages = () => [page]
  await page.waitForSelector(tid('pay-form'))
  const file = path.join(outDir, `receipts-${Date.now()}.prn`)
  const saved = await callGo(page, 'DeviceService', 'SavePrinter', {
    enabled: true,
    name: pathToFileURL(file).href,
    copies: 1,
    width: 58,
    qrMode: 'command',
  })
  assert(!saved.error, `SavePrinter: ${JSON.stringify(saved.error)}`)
  let no = ''

  await runner.test(
    'receipts: a payment receipt carries the order number as a QR command and as text',
    async () => {
      await pay(page, '12.34', wechat('00'))
      await waitResult(page, 'success')
      no = (await page.locator(tid('pay-result-reqsn')).innerText()).trim()
      assert(/^20\d{22}$/.test(no), `order number ${no}`)
      await waitPrinted(file, 0, [qrStore(no), Buffer.from(no)])
    },
    pages,
  )

  await runner.test(
    'receipts: a keyboard scan of the receipt QR on 撤销 fills the order number and finds the trade',
    async () => {
      await page.evaluate(() => (location.hash = '#/reverse/cancel'))
      await page.waitForSelector(tid('reverse-cancel'))
      await page.locator(tid('reverse-password')).focus()
      await scan(page, no)
      await page.waitForSelector(`${tid('reverse-orig')}[data-state="found"]`)
      const got = await page.locator(tid('reverse-tradeno')).inputValue()
      const pw = await page.locator(tid('reverse-password')).inputValue()
      assert(got === no && pw === '', `交易单号 ${got}, password ${JSON.stringify(pw)}`)
      await expectText(page, 'reverse-orig-amount', '12.34')
    },
    pages,
  )

  await runner.test(
    'receipts: a keyboard scan on 交易查询 lists the trade; 补打 prints it again marked 重打印',
    async () => {
      await page.click(tid('nav-trades'))
      await page.waitForSelector(tid('trades-table'))
      await page.locator('body').click({ position: { x: 5, y: 5 } })
      await scan(page, no)
      await page.waitForFunction(
        (n) =>
          [...document.querySelectorAll('[data-testid="trades-cell-no"]')]
            .map((e) => e.textContent.trim())
            .join() === n,
        no,
      )
      const filled = await page.locator(tid('trades-tradeno')).inputValue()
      assert(filled === no, `交易单号 filter ${JSON.stringify(filled)}, want the scanned ${no}`)
      const before = fs.statSync(file).size
      await page.click(tid('trades-reprint'))
      await page.waitForSelector('.el-message--success')
      await waitPrinted(file, before, [gbBytes.重打印, qrStore(no)])
    },
    pages,
  )

  await runner.test(
    'receipts: the receipt QR scanned on 收款 is refused with a clear message and charges nothing',
    async () => {
      const count = async () =>
        (await callGo(page, 'TradeService', 'List', { day: '', limit: 50 })).value?.total
      const before = await count()
      await page.click(tid('nav-pay'))
      await fill(page, 'pay-amount', '12.34')
      await page.locator(tid('pay-code')).focus()
      await scan(page, no)
      await expectText(page, 'pay-code-error', '这是小票上的订单号，不是付款码')
      assert((await count()) === before, `trades went from ${before} to ${await count()}`)
    },
    pages,
  )
  // The suites after this one print nothing.
  await callGo(page, 'DeviceService', 'SavePrinter', {
    enabled: false,
    name: '',
    copies: 1,
    width: 58,
    qrMode: 'command',
  })
  await page.close()
}

// Run alone: a fresh demo terminal, initialised, then the suite.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const runner = new Runner()
  const app = await startApp({
    name: 'receipts',
    port: await freePort(),
    config: { platform: { mode: 'embedded' } },
  })
  const browser = await launchBrowser()
  try {
    const page = await openPage(browser, app.url, 'receipts-init')
    await initialise(page, (await page.locator(tid('demo-merchant')).innerText()).trim(), () =>
      demoSmsCode(page),
    )
    await changeInitialPassword(page, '1111111', demoAdminPw)
    await page.close()
    await receiptsSuite(runner, browser, app)
  } finally {
    await browser.close()
    await app.stop()
  }
  process.exit(runner.summary())
}
