// Issue 4 end to end: two terminals (two app instances, each with its own XTF_DATA_DIR) in
// remote mode against one xtfd. The SMS codes come from xtfd's console SMS log.
import fs from 'node:fs'
import { assert, expectText, lastSmsCode, openPage, sleep, tid } from './lib.mjs'
import { addCashier, changeInitialPassword, goSettingsCashiers, initialise, login, logout } from './flows.mjs'

const merchantNo = '888888888888888'
const adminPw = 'Admin2026x'
const cashier = { account: '02', password: 'Cash2026x', name: '收银员小王' }
const smsResendMs = 61000 // the platform allows a new code for the same merchant after 60 s

/** smsCount is how many messages xtfd has "sent". */
const smsCount = (xtfd) =>
  fs.existsSync(xtfd.smsLog)
    ? fs.readFileSync(xtfd.smsLog, 'utf8').trim().split('\n').filter(Boolean).length
    : 0

/** nextSmsCode waits for message number n+1 and returns its code. */
async function nextSmsCode(xtfd, n) {
  for (let i = 0; i < 100 && smsCount(xtfd) <= n; i++) await sleep(100)
  assert(smsCount(xtfd) > n, 'xtfd sent no SMS')
  return lastSmsCode(xtfd.smsLog)
}

/**
 * accountsPart1 runs terminal 1: initialise, change the initial password, log in again with
 * it, add cashier 02, log out. It returns the state part 2 needs.
 */
export async function accountsPart1(runner, browser, xtfd, term1) {
  const page = await openPage(browser, term1.url, 'term1')
  const st = { page, smsAt: 0 }
  await runner.test(
    'accounts: terminal 1 initialises and changes the initial password',
    async () => {
      const n = smsCount(xtfd)
      await initialise(page, merchantNo, () => nextSmsCode(xtfd, n))
      st.smsAt = Date.now()
      await changeInitialPassword(page, '1111111', adminPw)
      await logout(page)
      await login(page, '01', '1111111')
      await page.locator(tid('login-error')).waitFor()
      await login(page, '01', adminPw)
      await page.waitForSelector(tid('pay-form'))
    },
    () => [page],
  )
  await runner.test(
    'accounts: the admin adds a cashier and logs out',
    async () => {
      await goSettingsCashiers(page)
      await addCashier(page, cashier)
      await logout(page)
    },
    () => [page],
  )
  return st
}

/**
 * accountsPart2 runs terminal 2 (initialise, log out 01, log in as the cashier), then tries
 * the same cashier on terminal 1, which must be refused with the binding message.
 */
export async function accountsPart2(runner, browser, xtfd, term2, st) {
  const wait = st.smsAt + smsResendMs - Date.now()
  if (wait > 0) {
    console.log(`     waiting ${Math.ceil(wait / 1000)} s: one SMS code per merchant per minute`)
    await sleep(wait)
  }
  const page2 = await openPage(browser, term2.url, 'term2')
  await runner.test(
    'accounts: the cashier logs in on terminal 2',
    async () => {
      const n = smsCount(xtfd)
      await initialise(page2, merchantNo, () => nextSmsCode(xtfd, n))
      await changeInitialPassword(page2, '1111111', adminPw) // the init put 01 back to the initial password
      await logout(page2)
      await login(page2, cashier.account, cashier.password)
      await page2.waitForSelector(tid('pay-form'))
      await expectText(page2, 'top-user-name', cashier.name)
    },
    () => [page2],
  )
  await runner.test(
    'accounts: the same cashier on terminal 1 gets the binding message',
    async () => {
      await login(st.page, cashier.account, cashier.password)
      await expectText(st.page, 'login-error', '已在其他终端')
    },
    () => [st.page],
  )
  await page2.close()
  await st.page.close()
}
