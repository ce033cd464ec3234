// Runs every e2e suite against real app instances and prints one summary line.
//   node e2e/run.mjs        (scripts/e2e.sh builds the binaries and provides the X display)
// Ports: E2E_PORT (default 34115) for the embedded demo terminal, +1 and +2 for the two
// remote terminals of the accounts suite.
import { freePort, launchBrowser, Runner, startApp, startXtfd } from './lib.mjs'
import { paySuite } from './pay.e2e.mjs'
import { payCashierSuite } from './pay-cashier.e2e.mjs'
import { accountsPart1, accountsPart2 } from './accounts.e2e.mjs'
import { reverseSuite } from './reverse.e2e.mjs'
import { tradesSuite } from './trades.e2e.mjs'
import { handoverSuite } from './handover.e2e.mjs'
import { reconcileSuite } from './reconcile.e2e.mjs'
import { poleSuite } from './pole.e2e.mjs'
import { receiptsSuite } from './receipts.e2e.mjs'
import { devServerLogSuite, runScriptSuite, toastSuite, unknownMerchantSuite } from './demo.e2e.mjs'
import { deviceCodesSuite } from './devices.e2e.mjs'

const base = Number(process.env.E2E_PORT || 34115)
const runner = new Runner()
const stops = []
let browser

try {
  browser = await launchBrowser()
  const simPort = await freePort()
  const xtfd = await startXtfd({ port: await freePort() })
  stops.push(xtfd.stop)
  const remote = { platform: { mode: 'remote', serverUrl: xtfd.url } }
  const term1 = await startApp({ name: 'term1', port: base + 1, config: remote })
  stops.push(term1.stop)
  const term2 = await startApp({ name: 'term2', port: base + 2, config: remote })
  stops.push(term2.stop)
  const demo = await startApp({
    name: 'demo',
    port: base,
    config: {
      platform: { mode: 'embedded' },
      sim: { addr: `127.0.0.1:${simPort}` },
      poll: { firstMs: 1500, everyMs: 500 },
    },
  })
  stops.push(demo.stop)

  // Terminal 1's part runs first; the payment suite then fills most of the minute the
  // platform makes a second SMS code for the same merchant wait.
  const st = await accountsPart1(runner, browser, xtfd, term1)
  await unknownMerchantSuite(runner, browser, demo)
  await unknownMerchantSuite(runner, browser, term2)
  await paySuite(runner, browser, demo, `http://127.0.0.1:${simPort}`)
  await payCashierSuite(runner, browser, demo, `http://127.0.0.1:${simPort}`)
  await reverseSuite(runner, browser, demo, `http://127.0.0.1:${simPort}`)
  await tradesSuite(runner, browser, demo)
  await handoverSuite(runner, browser, demo)
  await reconcileSuite(runner, browser)
  await poleSuite(runner, browser)
  await receiptsSuite(runner, browser, demo)
  await toastSuite(runner, browser, demo)
  await accountsPart2(runner, browser, xtfd, term2, st)
  await devServerLogSuite(runner, [demo, term1, term2])
  await runScriptSuite(runner, browser)
  await deviceCodesSuite(runner, browser)
} catch (e) {
  runner.failed.push('setup')
  console.log(`FAIL setup: ${e.stack || e.message}`)
} finally {
  await browser?.close()
  await Promise.all(stops.map((s) => s()))
}
process.exit(runner.summary())
