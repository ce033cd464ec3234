// Wave 2 end to end on the embedded demo terminal (real platform, real simulator, real Go
// bindings): 交易撤销 with a wrong and the right admin password, a partial 交易退货 and one
// above what is left, and the 截屏区域配置 / 快捷键配置 screens opening cleanly.
import fs from 'node:fs'
import path from 'node:path'
import { assert, expectText, fill, openPage, root, textOf, tid } from './lib.mjs'
import { callGo, demoAdminPw, pay, waitResult } from './flows.mjs'
import { simTrades, wechat } from './pay.e2e.mjs'

const adminPw = demoAdminPw // the pay suite changed the demo admin 01's initial password to it

/** paid charges amount with a success code and returns the pay's reqsn and its bank row. */
async function paid(page, simURL, amount) {
  await pay(page, amount, wechat('00'))
  await waitResult(page, 'success')
  const reqsn = await textOf(page, 'pay-result-reqsn')
  const bank = (await simTrades(simURL)).find((t) => t.reqsn === reqsn && t.kind === 'pay')
  assert(bank && bank.status === '0000', `simulator has no successful pay ${reqsn}: ${JSON.stringify(bank)}`)
  return { reqsn, trxid: bank.trxid }
}

/** reversalsOf lists the simulator's cancels and refunds of the pay with trxid. */
async function reversalsOf(simURL, trxid) {
  return (await simTrades(simURL)).filter((t) => t.kind !== 'pay' && t.origtrxid === trxid)
}

/** openReverse opens 撤销 or 退货 with the trade number filled in (as 交易查询's row buttons do). */
async function openReverse(page, kind, reqsn) {
  await page.evaluate(([k, no]) => (location.hash = `#/reverse/${k}?no=${no}`), [kind, reqsn])
  await page.waitForSelector(tid(`reverse-${kind}`))
  await page.waitForSelector(`${tid('reverse-orig')}[data-state="found"]`)
}

/**
 * aboutDownload runs 设置 → 关于 → 导出诊断信息 in the browser: the zip is handed over as a
 * download (no native dialog on a screen nobody sees) and the self-test of the four devices shows.
 */
export async function aboutDownload(page) {
  const [dl] = await Promise.all([
    page.waitForEvent('download', { timeout: 30000 }),
    page.click(tid('about-export')),
  ])
  const name = dl.suggestedFilename()
  const data = fs.readFileSync(await dl.path())
  assert(/^小通付诊断信息-\d{8}-\d{4}\.zip$/.test(name), `downloaded ${name}`)
  assert(
    data.subarray(0, 4).toString('latin1') === 'PK\x03\x04',
    `not a zip: ${data.subarray(0, 8).toString('hex')}`,
  )
  for (const part of ['README.txt', 'about.json', 'selftest.json', 'devices.json'])
    assert(data.includes(Buffer.from(part)), `the zip has no ${part}`)
  await page.waitForSelector(tid('about-checks'))
  for (const c of ['printer', 'box', 'hotkeys', 'screen'])
    assert(await page.locator(tid(`about-check-${c}`)).count(), `no self-test row ${c}`)
}

/** fieldError waits for the error shown under the form field holding data-testid id and returns it. */
async function fieldError(page, id) {
  const err = page.locator('.el-form-item', { has: page.locator(tid(id)) }).locator('.el-form-item__error')
  await err.first().waitFor({ state: 'visible' })
  return (await err.first().innerText()).trim()
}

/** submitReverse types the password (and amount) and presses Enter in the password field. */
async function submitReverse(page, { amount, password }) {
  if (amount !== undefined) await fill(page, 'reverse-amount', amount)
  await fill(page, 'reverse-password', password)
  await page.locator(tid('reverse-password')).press('Enter')
}

/** reverseSuite registers the wave-2 tests on runner for the demo app (already initialised). */
export async function reverseSuite(runner, browser, app, simURL) {
  const page = await openPage(browser, app.url, 'reverse')
  const pages = () => [page]
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.waitForSelector(tid('pay-form'))

  await runner.test(
    'reverse: 撤销 with a wrong admin password is refused before the bank; the right one voids',
    async () => {
      const { reqsn, trxid } = await paid(page, simURL, '5.00')
      await openReverse(page, 'cancel', reqsn)
      await submitReverse(page, { password: 'Wrong-2026' })
      const msg = await fieldError(page, 'reverse-password')
      assert(msg.includes('管理员密码错误'), `wrong password shows ${JSON.stringify(msg)}`)
      assert(
        (await reversalsOf(simURL, trxid)).length === 0,
        'a cancel reached the simulator with a wrong password',
      )

      await submitReverse(page, { password: adminPw })
      await page.waitForSelector(`${tid('reverse-result')}[data-status="success"]`, { timeout: 30000 })
      await expectText(page, 'reverse-result-status', '成功')
      await expectText(page, 'reverse-result-amount', '5.00')
      const rows = await reversalsOf(simURL, trxid)
      assert(
        rows.length === 1 && rows[0].kind === 'cancel' && rows[0].status === '0000' && rows[0].amount === 500,
        `simulator reversals of ${reqsn}: ${JSON.stringify(rows)}`,
      )
      const bankPay = (await simTrades(simURL)).find((t) => t.trxid === trxid)
      assert(bankPay.cancelled === true, `the pay is not marked cancelled: ${JSON.stringify(bankPay)}`)
    },
    pages,
  )

  await runner.test(
    'reverse: 退货 3.00 of 10.00 succeeds; 8.00 more is refused (UI and Go)',
    async () => {
      await page.click(tid('nav-pay'))
      const { reqsn, trxid } = await paid(page, simURL, '10.00')
      await openReverse(page, 'refund', reqsn)
      await submitReverse(page, { amount: '3.00', password: adminPw })
      await page.waitForSelector(`${tid('reverse-result')}[data-status="success"]`, { timeout: 30000 })
      await expectText(page, 'reverse-result-amount', '3.00')
      await expectText(page, 'reverse-orig-refundable', '7.00')

      await submitReverse(page, { amount: '8.00', password: adminPw })
      const msg = await fieldError(page, 'reverse-amount')
      assert(msg.includes('7.00'), `refund over what is left shows ${JSON.stringify(msg)}`)
      // Go and the platform refuse on their own, whatever the UI lets through.
      const r = await callGo(page, 'TradeService', 'Refund', reqsn, '8.00', adminPw)
      assert(
        r.error?.code === 'reverse_not_allowed',
        `Refund(8.00) = ${JSON.stringify(r)}, want reverse_not_allowed`,
      )
      const rows = await reversalsOf(simURL, trxid)
      const refunded = rows.filter((t) => t.status === '0000').reduce((n, t) => n + t.amount, 0)
      assert(
        rows.length === 1 && refunded === 300,
        `simulator reversals of ${reqsn}: ${JSON.stringify(rows)}`,
      )
    },
    pages,
  )

  await runner.test(
    'reverse: a number typed by hand is looked up by its Allinpay number too; an unknown one is missing',
    async () => {
      const bank = (await simTrades(simURL)).find(
        (t) => t.kind === 'pay' && t.status === '0000' && !t.cancelled,
      )
      assert(bank, 'no successful pay at the simulator')
      await openReverse(page, 'refund', bank.trxid)
      await expectText(page, 'reverse-orig-amount', (bank.amount / 100).toFixed(2))
      await page.evaluate(() => (location.hash = '#/reverse/refund?no=XTF000000000000'))
      await page.waitForSelector(`${tid('reverse-orig')}[data-state="missing"]`)
      await expectText(page, 'reverse-orig-missing', '未找到该交易')
    },
    pages,
  )

  for (const [screen, title] of [
    ['screen', '截屏区域配置'],
    ['hotkey', '快捷键配置'],
  ]) {
    await runner.test(
      `settings: ${title} opens with Go's settings and no errors`,
      async () => {
        const before = errors.length
        await page.click(tid('nav-settings'))
        await page.click(tid(`nav-settings-${screen}`))
        await page.waitForSelector(tid(`${screen}-settings`))
        await page.waitForSelector(
          `${tid(`${screen}-settings`)} .el-form, ${tid(`${screen}-settings`)} .list`,
        )
        assert(
          !(await page.locator(tid(`${screen}-settings-load-error`)).count()),
          `${screen}: load error shown`,
        )
        if (screen === 'hotkey') {
          const keys = await page.locator(tid('hotkey-quickPay')).getAttribute('data-keys')
          assert(keys && keys.includes('+'), `hotkey-quickPay data-keys ${JSON.stringify(keys)}`)
        } else {
          await page.waitForSelector(`${tid('screen-state')}`)
        }
        assert(errors.length === before, `page errors: ${errors.slice(before).join('; ')}`)
      },
      pages,
    )
  }
  await runner.test(
    'settings: 关于 shows the version of wails.json and this terminal; 开机自动启动 is Windows only; 导出诊断信息 in a browser is a download of the zip with the self-test shown',
    async () => {
      const want = JSON.parse(fs.readFileSync(path.join(root, 'wails.json'), 'utf8')).info.productVersion
      await page.click(tid('nav-settings'))
      await page.click(tid('nav-settings-about'))
      await page.waitForSelector(tid('about-version'))
      await expectText(page, 'about-version', want)
      const term = await page.locator(tid('about-terminal')).innerText()
      assert(/^\S+$/.test(term) && term !== '未初始化', `terminal ${JSON.stringify(term)}`)
      const cls = await page.locator(tid('about-autostart')).getAttribute('class')
      assert(cls.includes('is-disabled'), `autostart switch on Linux: ${cls}`)
      await aboutDownload(page)
    },
    pages,
  )
  await page.close()
}
