// Issue 12 对账 end to end, on a demo terminal of its own (the demo bank's statement must hold
// only this suite's trades): three payments; 对账 of a clean day finds nothing; once the
// simulator's statement drops one, changes another's amount and adds a trade of its own,
// 对账结果 lists the three kinds and the side menu's badge says 3.
import { assert, freePort, openPage, startApp, textOf, tid } from './lib.mjs'
import { wechat } from './pay.e2e.mjs'
import {
  callGo,
  changeInitialPassword,
  demoAdminPw,
  demoSmsCode,
  initialise,
  pay,
  waitResult,
} from './flows.mjs'

/** chinaToday is today's date in China time, yyyy-MM-dd. */
export const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)

/** startReconcileApp starts an embedded demo terminal whose simulator listens on a known port. */
export async function startReconcileApp(name) {
  const simPort = await freePort()
  const app = await startApp({
    name,
    port: await freePort(),
    config: { platform: { mode: 'embedded' }, sim: { addr: `127.0.0.1:${simPort}` } },
  })
  return { app, simURL: `http://127.0.0.1:${simPort}` }
}

async function paid(page, amount) {
  await pay(page, amount, wechat('00'))
  await waitResult(page, 'success')
  return textOf(page, 'pay-result-reqsn')
}

/**
 * seedDifferences initialises the terminal, pays three times, checks that today's
 * reconciliation is clean, then has the simulator's statement differ in three ways and
 * reconciles again.
 */
export async function seedDifferences(page, simURL) {
  await initialise(page, await textOf(page, 'demo-merchant'), () => demoSmsCode(page))
  await changeInitialPassword(page, '1111111', demoAdminPw)
  const a = await paid(page, '30.00')
  const b = await paid(page, '12.80')
  await paid(page, '8.00')
  const clean = await callGo(page, 'ReconcileService', 'Run', chinaToday())
  assert(
    clean.value?.status === 'done' && (clean.value.diffs ?? []).length === 0,
    `clean day: ${JSON.stringify(clean)}`,
  )
  const tweak = await fetch(`${simURL}/_sim/statement-tweak`, {
    method: 'POST',
    body: JSON.stringify({ drop: a, amount: b, bankOnly: true }),
  })
  assert(tweak.status === 204, `statement tweak: HTTP ${tweak.status}`)
  const run = await callGo(page, 'ReconcileService', 'Run', chinaToday())
  assert(run.value?.diffs?.length === 3, `tweaked day: ${JSON.stringify(run)}`)
}

/** kindsOnScreen opens 对账结果 and returns the kinds of the listed differences, in order. */
export async function kindsOnScreen(page) {
  await page.click(tid('nav-reconcile'))
  await page.waitForSelector(tid('reconcile-cell-kind'))
  return page.locator(tid('reconcile-cell-kind')).evaluateAll((els) => els.map((e) => e.dataset.kind))
}

/** reconcileSuite registers the 对账 test on runner; it starts and stops its own terminal. */
export async function reconcileSuite(runner, browser) {
  const { app, simURL } = await startReconcileApp('reconcile')
  let page = null
  try {
    await runner.test(
      '对账: a clean day has no differences; 只在通联, 只在本地 and 金额不符 are listed and the badge says 3',
      async () => {
        page = await openPage(browser, app.url, 'reconcile')
        await seedDifferences(page, simURL)
        await page.click(tid('nav-trades'))
        await page.click(tid('nav-pay'))
        await page.waitForSelector(tid('nav-reconcile-open'))
        assert((await textOf(page, 'nav-reconcile-open')).includes('3'), 'the badge does not say 3')
        const kinds = await kindsOnScreen(page)
        assert(kinds.join() === 'only_bank,only_local,amount_differs', `kinds on screen: ${kinds}`)
      },
      () => (page ? [page] : []),
    )
  } finally {
    await app.stop()
  }
}
