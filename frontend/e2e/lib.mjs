// Helpers for the end-to-end tests: start real app instances (the Wails dev binary, whose
// asset server on localhost:<port> carries the real Go bindings to any browser), an xtfd
// server, and headless Debian Chromium through playwright-core. No test framework: each
// test is an async function; a failure saves a screenshot under build/bin/e2e/.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const outDir = path.join(root, 'build/bin/e2e')
const appBin = process.env.XTF_APP_BIN || path.join(root, 'build/bin/xiaotongfu-dev')
const xtfdBin = process.env.XTF_XTFD_BIN || path.join(root, 'build/bin/xtfd')
const distDir = path.join(root, 'frontend/dist')

/** tid is the CSS selector of a data-testid. */
export const tid = (id) => `[data-testid="${id}"]`

/** freePort asks the kernel for an unused loopback port. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.on('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })
}

/** sleep waits ms milliseconds. */
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** waitHTTP polls url until it answers 2xx, the process dies, or timeoutMs passes. */
async function waitHTTP(url, proc, logFile, timeoutMs = 90000) {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    if (proc.exitCode !== null)
      throw new Error(`${path.basename(proc.spawnfile)} exited (${proc.exitCode}); see ${logFile}`)
    try {
      const r = await fetch(url)
      if (r.ok) return
    } catch {
      /* not up yet */
    }
    await sleep(200)
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms; see ${logFile}`)
}

/** spawnLogged starts a process whose output goes to logFile, in its own process group. */
function spawnLogged(bin, args, env, logFile) {
  const out = fs.openSync(logFile, 'a')
  const proc = spawn(bin, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', out, out],
    detached: true,
  })
  fs.closeSync(out)
  return proc
}

/** stopProc sends SIGINT and waits (SIGKILL after 10 s). */
async function stopProc(proc) {
  if (proc.exitCode !== null || proc.signalCode !== null) return
  const done = new Promise((r) => proc.once('exit', r))
  proc.kill('SIGINT')
  const timer = setTimeout(() => proc.kill('SIGKILL'), 10000)
  await done
  clearTimeout(timer)
}

/**
 * startApp runs one terminal: XTF_DATA_DIR (a fresh folder unless dir is given) holding config
 * (config.json), the dev binary serving the UI and bindings on http://localhost:<port>.
 */
export async function startApp({
  name,
  port,
  config,
  dir = fs.mkdtempSync(path.join(os.tmpdir(), `xtf-e2e-${name}-`)),
}) {
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config, null, 2), { mode: 0o600 })
  const logFile = path.join(dir, 'app.out')
  const proc = spawnLogged(
    appBin,
    ['-devserver', `localhost:${port}`, '-assetdir', distDir, '-loglevel', 'Warning'],
    { XTF_DATA_DIR: dir },
    logFile,
  )
  const url = `http://localhost:${port}/`
  await waitHTTP(url, proc, logFile)
  return { name, url, dir, logFile, proc, stop: () => stopProc(proc) }
}

/** startXtfd seeds the demo merchant and serves the platform with the simulator and console SMS. */
export async function startXtfd({ port }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xtf-e2e-xtfd-'))
  const db = path.join(dir, 'xtfd.db')
  const logFile = path.join(dir, 'xtfd.out')
  const seed = spawnLogged(xtfdBin, ['demo', '-db', db], {}, logFile)
  const code = await new Promise((r) => seed.once('exit', r))
  if (code !== 0) throw new Error(`xtfd demo failed (${code}); see ${logFile}`)
  const smsLog = path.join(dir, 'sms.log')
  const proc = spawnLogged(
    xtfdBin,
    [
      'serve',
      '-listen',
      `127.0.0.1:${port}`,
      '-db',
      db,
      '-gateway',
      'sim',
      '-sms',
      'console',
      '-sms-log',
      smsLog,
    ],
    {},
    logFile,
  )
  const url = `http://127.0.0.1:${port}`
  await waitHTTP(`${url}/openapi.json`, proc, logFile)
  return { url, dir, smsLog, logFile, stop: () => stopProc(proc) }
}

/** lastSmsCode returns the code of the last message in an xtfd -sms-log file. */
export function lastSmsCode(smsLog) {
  const lines = fs.existsSync(smsLog) ? fs.readFileSync(smsLog, 'utf8').trim().split('\n') : []
  const m = lines.length ? lines[lines.length - 1].match(/验证码为\s*(\d{6})/) : null
  return m ? m[1] : ''
}

/** launchBrowser starts Debian's Chromium headless. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

/** openPage opens url in a new 1280×800 page that logs page errors. */
export async function openPage(browser, url, label) {
  // The shops are in China: the platform's business day is China time, and so is the UI's.
  const page = await browser.newPage({
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  page.on('pageerror', (e) => console.log(`[${label} pageerror] ${e.message}`))
  page.setDefaultTimeout(15000)
  await page.goto(url, { waitUntil: 'networkidle' })
  return page
}

/** fill types text into the input marked with data-testid id (or the input inside it). */
export async function fill(page, id, text) {
  const el = page.locator(tid(id)).first()
  const tag = await el.evaluate((n) => n.tagName)
  const input = tag === 'INPUT' || tag === 'TEXTAREA' ? el : el.locator('input, textarea').first()
  await input.fill(text)
}

/** textOf returns the trimmed text of the element marked id, waiting for it to be visible. */
export async function textOf(page, id) {
  const el = page.locator(tid(id)).first()
  await el.waitFor({ state: 'visible' })
  return (await el.innerText()).trim()
}

/** expectText waits until the element marked id contains want. */
export async function expectText(page, id, want, timeout = 15000) {
  const el = page.locator(tid(id)).first()
  try {
    await el.waitFor({ state: 'visible', timeout })
    await page.waitForFunction(
      ([sel, w]) => document.querySelector(sel)?.textContent?.includes(w),
      [tid(id), want],
      { timeout },
    )
  } catch {
    const got = (await el.count()) ? (await el.innerText().catch(() => '?')).trim() : '(absent)'
    throw new Error(`${id}: want text containing ${JSON.stringify(want)}, got ${JSON.stringify(got)}`)
  }
}

/** assert throws msg when cond is false. */
export function assert(cond, msg) {
  if (!cond) throw new Error(msg)
}

/** Runner collects named tests and prints a summary. */
export class Runner {
  constructor() {
    this.passed = []
    this.failed = []
    fs.mkdirSync(outDir, { recursive: true })
  }

  /** test runs fn(); on failure it screenshots every page in pages() and records the error. */
  async test(name, fn, pages = () => []) {
    const t0 = Date.now()
    try {
      await fn()
      this.passed.push(name)
      console.log(`ok   ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`)
    } catch (e) {
      this.failed.push(name)
      console.log(`FAIL ${name}: ${e.message}`)
      for (const [i, p] of pages().entries()) {
        const file = path.join(outDir, `${name.replace(/[^\w-]+/g, '_')}-${i}.png`)
        await p.screenshot({ path: file }).then(
          () => console.log(`     screenshot: ${file}`),
          () => {},
        )
      }
    }
  }

  /** summary prints the totals and returns the exit code. */
  summary() {
    const n = this.passed.length + this.failed.length
    console.log(`e2e: ${this.passed.length} passed, ${this.failed.length} failed of ${n}`)
    return this.failed.length ? 1 : 0
  }
}
