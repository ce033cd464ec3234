// UI flows shared by the e2e suites, written against the data-testid contract with the UI.
import { assert, fill, textOf, tid } from './lib.mjs'

/** demoSmsCode reads the SMS code shown in the demo banner (embedded demo mode). */
export async function demoSmsCode(page) {
  await page.waitForFunction(
    (sel) => /^\d{6}$/.test(document.querySelector(sel)?.textContent?.trim() ?? ''),
    tid('demo-sms'),
  )
  return textOf(page, 'demo-sms')
}

/**
 * initialise runs manual §1 up to the "change the initial password?" question: merchant
 * number, SMS code (from getCode), first store, login as 01 with the prefilled password.
 */
export async function initialise(page, merchantNo, getCode) {
  await page.waitForSelector(tid('init-step-merchant'))
  await fill(page, 'init-merchant', merchantNo)
  await page.click(tid('init-next'))
  await page.waitForSelector(tid('init-step-code'))
  await fill(page, 'init-code', await getCode())
  await page.click(tid('init-confirm'))
  await page.waitForSelector(tid('init-step-login'))
  if (await page.locator(tid('init-store')).count()) {
    await page.click(tid('init-store'))
    await page.locator('[data-testid^="init-store-"]:visible').first().click()
  }
  await page.click(tid('init-login'))
  await page.waitForSelector(tid('init-pwd-dialog'), { state: 'visible' })
}

/** demoAdminPw is what the suites change the demo admin 01's initial password to. */
export const demoAdminPw = 'Owner2026x'

/**
 * changeInitialPassword sets a new password in the dialog a login with an initial password
 * opens (the platform allows nothing else until then) and waits for the 收款 screen.
 */
export async function changeInitialPassword(page, oldPw, newPw) {
  await page.waitForSelector(tid('pwd-new'))
  await fill(page, 'pwd-old', oldPw)
  await fill(page, 'pwd-new', newPw)
  await fill(page, 'pwd-confirm', newPw)
  await page.click(tid('pwd-submit'))
  await page.waitForSelector(tid('pay-form'))
}

/** pay opens 收款 if needed, types the amount and the code and confirms. */
export async function pay(page, amount, code) {
  if (!(await page.locator(tid('pay-form')).isVisible())) await page.click(tid('nav-pay'))
  await page.waitForSelector(tid('pay-form'))
  await fill(page, 'pay-amount', amount)
  await fill(page, 'pay-code', code)
  await page.click(tid('pay-submit'))
}

/** waitResult waits for the result panel's phase (paying, success, failed, pending). */
export async function waitResult(page, phase, timeout = 30000) {
  await page.waitForSelector(`${tid('pay-result')}[data-status="${phase}"]`, { timeout })
}

/** failureReason returns the reason shown for a failed payment. */
export async function failureReason(page) {
  const el = page.locator(`${tid('pay-error')}, ${tid('pay-result-reason')}`).first()
  await el.waitFor({ state: 'visible' })
  return (await el.innerText()).trim()
}

/**
 * logout opens the profile and logs out, landing on 登录: 是 in the confirmation, or 直接退出
 * when the shift has trades and "交班后退出登录?" asks instead (issue 12).
 */
export async function logout(page) {
  await page.click(tid('top-user'))
  await page.click(tid('profile-logout'))
  const asked = await page.waitForSelector(`${tid('confirm-yes')}, ${tid('leave-skip')}:visible`)
  await asked.click()
  await page.waitForSelector(tid('login-form'))
}

/** login fills the login form and submits it. */
export async function login(page, account, password) {
  await page.waitForSelector(tid('login-form'))
  await fill(page, 'login-account', account)
  await fill(page, 'login-password', password)
  await page.click(tid('login-submit'))
}

/** goSettingsCashiers opens 设置 › 门店收银员配置 from the side menu. */
export async function goSettingsCashiers(page) {
  await page.click(tid('nav-settings'))
  await page.click(tid('nav-settings-cashiers'))
  await page.waitForSelector(tid('cashiers-add'))
}

/** addCashier fills the add-cashier dialog and saves it. */
export async function addCashier(page, { account, password, name }) {
  await page.click(tid('cashiers-add'))
  await page.waitForSelector(tid('cashier-dialog'), { state: 'visible' })
  await fill(page, 'cashier-account', account)
  await fill(page, 'cashier-password', password)
  await fill(page, 'cashier-confirm', password)
  await fill(page, 'cashier-name', name)
  await page.click(tid('cashier-save'))
  await page.waitForSelector(tid('cashier-dialog'), { state: 'hidden' })
  const accounts = await page.locator(tid('cashiers-cell-account')).allInnerTexts()
  assert(accounts.map((s) => s.trim()).includes(account), `cashier ${account} not in the list: ${accounts}`)
}

/** callGo calls a bound Go method from the page and returns {value} or {error}. */
export function callGo(page, service, method, ...args) {
  return page.evaluate(
    ([s, m, a]) =>
      window.go.services[s][m](...a).then(
        (value) => ({ value }),
        (error) => ({ error }),
      ),
    [service, method, args],
  )
}
