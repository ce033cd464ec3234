// Issue 12 交接班 end to end on the embedded demo terminal: pay, open 交接班 from 交接班记录,
// confirm (the shift's counts and net in the dialog), find it in the list, then 退出登录 asks
// "交班后退出登录?" for the next shift: 取消 stays, 不再提示 + 直接退出 leaves and is remembered.
import { assert, expectText, openPage, textOf, tid } from './lib.mjs'
import { callGo, demoAdminPw, login, pay, waitResult } from './flows.mjs'
import { wechat } from './pay.e2e.mjs'

/** paid charges amount and returns its order number. */
async function paid(page, amount) {
  await pay(page, amount, wechat('00'))
  await waitResult(page, 'success')
  return textOf(page, 'pay-result-reqsn')
}

/** openShift opens 交接班记录 and its 交接班 dialog, waiting for the preview. */
export async function openShift(page) {
  await page.click(tid('nav-handover'))
  await page.waitForSelector(tid('handovers-table'))
  await page.click(tid('handovers-shift'))
  await page.waitForSelector(`${tid('handover-dialog')} ${tid('handover-summary')}`)
}

/** askLogout opens the profile and presses 退出登录, waiting for the handover prompt. */
export async function askLogout(page) {
  await page.click(tid('top-user'))
  await page.click(tid('profile-logout'))
  await page.waitForSelector(`${tid('leave-prompt')}:visible`)
}

/**
 * handoverSuite registers the issue-12 handover tests on runner for the demo app (logged in
 * as 01), on page or a new one.
 */
export async function handoverSuite(runner, browser, app, page = null) {
  page ??= await openPage(browser, app.url, 'handover')
  const pages = () => [page]
  await page.waitForSelector(tid('pay-form'))
  await callGo(page, 'HandoverService', 'SetSkipPrompt', false)

  await runner.test(
    'handover: pay, 交接班 preview and 确认交班, then it is in 交接班记录',
    async () => {
      const before = (await callGo(page, 'HandoverService', 'Preview')).value.sums
      await paid(page, '12.34')
      await paid(page, '0.66')
      const net = `¥${((before.netAmount + 1300) / 100).toFixed(2)}`
      await openShift(page)
      await expectText(page, 'handover-tile-pay', `${before.payCount + 2} 笔`)
      await expectText(page, 'handover-tile-net', net)
      await page.click(tid('handover-confirm'))
      await page.waitForSelector(tid('handover-closed'))
      const no = (await textOf(page, 'handover-closed')).match(/[A-Z0-9-]{8,}/)?.[0]
      assert(no, `no handover number in "${await textOf(page, 'handover-closed')}"`)
      await page.click(tid('handover-done'))
      await page.waitForFunction(
        (n) => document.querySelector('[data-testid="handovers-table"]')?.textContent?.includes(n),
        no,
      )
      await expectText(page, 'handovers-cell-net', net)
    },
    pages,
  )

  await runner.test(
    'handover: 退出登录 asks 交班后退出登录?; 取消 stays, 不再提示 + 直接退出 leaves and is remembered',
    async () => {
      await paid(page, '5.00')
      await askLogout(page)
      await expectText(page, 'leave-text', '收款 1 笔')
      await page.click(tid('leave-cancel'))
      await page.waitForSelector(`${tid('leave-prompt')}`, { state: 'hidden' })
      assert(await page.locator(tid('top-user')).isVisible(), '取消 logged out')
      await page.keyboard.press('Escape')
      await page.waitForSelector(tid('profile-dialog'), { state: 'hidden' })
      await askLogout(page)
      await page.click(tid('leave-dont-ask'))
      await page.click(tid('leave-skip'))
      await page.waitForSelector(tid('login-form'))
      const prefs = await callGo(page, 'HandoverService', 'Prefs')
      assert(prefs.value?.skipPrompt === true, `不再提示 not saved: ${JSON.stringify(prefs)}`)
      await login(page, '01', demoAdminPw)
      await page.waitForSelector(tid('pay-form'))
      await callGo(page, 'HandoverService', 'SetSkipPrompt', false)
    },
    pages,
  )
}
