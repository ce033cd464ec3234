// Issue 10 end to end, what a demo shows around the screens: an unknown 商户号 at
// 初始化, toasts that leave the demo banner usable, a dev server that logs no error for a
// browser's page load, and `make run` (scripts/run.sh) ending cleanly on Ctrl+C.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { assert, expectText, fill, freePort, openPage, outDir, root, sleep, tid } from './lib.mjs'

/** unknownMerchantSuite: an unregistered merchant number is told under the field (term: embedded or remote). */
export async function unknownMerchantSuite(runner, browser, app) {
  const page = await openPage(browser, app.url, `init-${app.name}`)
  await runner.test(
    `init (${app.name}): an unknown 商户号 says 商户号不存在，请核对`,
    async () => {
      await page.waitForSelector(tid('init-step-merchant'))
      await fill(page, 'init-merchant', '123456789012345')
      await page.click(tid('init-next'))
      await expectText(page, 'init-step-merchant', '商户号不存在，请核对后重新输入')
      assert(
        !(await page.locator(tid('init-step-code')).count()),
        'the code step opened for an unknown merchant',
      )
    },
    () => [page],
  )
  await page.close()
}

/** boxOf is the bounding box of the first visible element matching selector. */
async function boxOf(page, selector) {
  const el = page.locator(selector).first()
  await el.waitFor({ state: 'visible' })
  return el.boundingBox()
}

/** toastSuite: a toast opens below the demo banner, never over its 测试付款码 link. */
export async function toastSuite(runner, browser, app) {
  const page = await openPage(browser, app.url, 'toast')
  for (const [w, h] of [
    [1280, 800],
    [1024, 640],
  ]) {
    await runner.test(
      `banner: a toast leaves the 测试付款码 link free at ${w}×${h}`,
      async () => {
        await page.setViewportSize({ width: w, height: h })
        await page.click(tid('demo-merchant')) // copies the number: a toast either way
        await boxOf(page, '.el-message')
        await page.waitForTimeout(400) // the toast slides in from above: measure it once it is in place
        const [banner, link, toast] = await Promise.all([
          boxOf(page, tid('demo-banner')),
          boxOf(page, tid('demo-codes')),
          boxOf(page, '.el-message'),
        ])
        await page.screenshot({ path: path.join(outDir, `toast-${w}x${h}.png`) })
        assert(
          toast.y >= banner.y + banner.height && toast.y >= link.y + link.height,
          `toast at y=${toast.y} covers the banner (bottom ${banner.y + banner.height}, link ${JSON.stringify(link)})`,
        )
        await page.locator(tid('demo-codes')).click({ trial: true, timeout: 2000 })
        await page.waitForSelector('.el-message', { state: 'detached', timeout: 10000 })
      },
      () => [page],
    )
  }
  await page.close()
}

/** devServerLogSuite: browsers loaded pages of every app; none logged an unknown message. */
export async function devServerLogSuite(runner, apps) {
  await runner.test('dev server: a browser page load logs no "Unknown message"', async () => {
    for (const app of apps) {
      const out = fs.readFileSync(app.logFile, 'utf8')
      const bad = out
        .split('\n')
        .filter((l) => /Unknown message from front end|process message error/.test(l))
      assert(bad.length === 0, `${app.name} (${app.logFile}): ${bad.slice(0, 2).join(' | ')}`)
    }
  })
}

/** waitOutput waits until the text collected in out() matches re, or the process ends. */
async function waitOutput(proc, out, re, timeoutMs) {
  const end = Date.now() + timeoutMs
  while (!re.test(out()) && proc.exitCode === null && Date.now() < end) await sleep(200)
  assert(re.test(out()), `no ${re} in the output: ${out().slice(-600)}`)
}

/**
 * runScriptSuite: scripts/run.sh without a display (its own Xvfb) serves the demo; a browser
 * loads it; a Ctrl+C to its process group (what a terminal sends) stops the app through its
 * normal shutdown and ends the script with status 0, and nothing logged an unknown message.
 */
export async function runScriptSuite(runner, browser) {
  await runner.test('make run: Ctrl+C stops the demo with exit status 0', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xtf-e2e-run-'))
    const port = await freePort()
    const env = { ...process.env, DISPLAY: '', PORT: String(port), XTF_DATA_DIR: dir }
    const proc = spawn('scripts/run.sh', [], {
      cwd: root,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    proc.stdout.on('data', (b) => (out += b))
    proc.stderr.on('data', (b) => (out += b))
    const exited = new Promise((r) => proc.once('exit', (code, signal) => r({ code, signal })))
    try {
      await waitOutput(proc, () => out, /is running in demo mode/, 240000)
      const page = await openPage(browser, `http://localhost:${port}/`, 'run')
      await page.waitForSelector(tid('demo-banner'))
      await page.close()
      await sleep(500)
    } finally {
      if (proc.exitCode === null) process.kill(-proc.pid, 'SIGINT')
    }
    const { code, signal } = await exited
    assert(code === 0, `run.sh ended with ${code ?? signal} after Ctrl+C: ${out.slice(-600)}`)
    assert(/run: 小通付 stopped/.test(out), `run.sh did not say it stopped: ${out.slice(-300)}`)
    const log = fs.readFileSync(path.join(dir, 'xiaotongfu.log'), 'utf8')
    assert(/msg=stopped/.test(log), 'the app did not finish its shutdown (no "stopped" in its log)')
    assert(
      !/Unknown message from front end/.test(out),
      `run.sh printed: ${out.match(/.*Unknown message.*/)?.[0]}`,
    )
  })
}
