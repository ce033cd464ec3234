// Issue 15 point 2 end to end: Go's device results reach the screen as codes, in the cashier's
// language. On a terminal of its own: 盒子配置 with a port that does not exist and 打印配置's
// 测试打印 to a loopback port where nothing listens say what is wrong in Chinese and, after
// switching to English, in English, naming the port or printer and none of the system's text.
import { assert, expectText, freePort, openPage, startApp, textOf, tid } from './lib.mjs'
import { changeInitialPassword, demoAdminPw, demoSmsCode, initialise } from './flows.mjs'

/** pick types value into the filterable select marked id and takes it. */
export async function pick(page, id, value) {
  await page.click(`${tid(id)} .el-select__wrapper`)
  await page.keyboard.type(value)
  await page.keyboard.press('Enter')
  await page.keyboard.press('Escape')
}

const han = /\p{Script=Han}/u
const systemWords = /no such file|refused|dial tcp|errno|ioctl/i

/** printerError is the text under 打印机 once a test print failed. */
async function printerError(page) {
  const el = page.locator('.el-form-item.is-error .el-form-item__error').first()
  await el.waitFor({ timeout: 30000 })
  return (await el.innerText()).trim()
}

/** deviceCodesSuite starts its own embedded terminal, so no other suite sees its devices. */
export async function deviceCodesSuite(runner, browser) {
  const port = '/dev/ttyXTF9'
  const closed = `127.0.0.1:${await freePort()}`
  const app = await startApp({
    name: 'codes',
    port: await freePort(),
    config: { platform: { mode: 'embedded' } },
  })
  const page = await openPage(browser, app.url, 'codes')
  try {
    await runner.test(
      'devices: the box and printer failures are told in Chinese, then in English, with the port or printer',
      async () => {
        await initialise(page, await textOf(page, 'demo-merchant'), () => demoSmsCode(page))
        await changeInitialPassword(page, '1111111', demoAdminPw)
        await page.click(tid('nav-settings'))
        await page.click(tid('nav-settings-box'))
        await page.click(tid('box-enabled'))
        await pick(page, 'box-port', port)
        await page.click(tid('box-save'))
        await expectText(page, 'box-status-reason', `找不到端口 ${port}，请检查盒子是否插好、端口号是否正确`)
        await page.click(tid('nav-settings-print'))
        await pick(page, 'print-printer', `tcp://${closed}`)
        await page.click(tid('print-test'))
        const zh = await printerError(page)
        assert(
          zh === `无法连接打印机 ${closed}，请检查打印机电源、连线和纸张`,
          `printer error in Chinese: ${zh}`,
        )

        await page.evaluate(() => localStorage.setItem('xtf.locale', 'en'))
        await page.reload({ waitUntil: 'networkidle' })
        await page.click(tid('nav-settings'))
        await page.click(tid('nav-settings-box'))
        await expectText(
          page,
          'box-status-reason',
          `No port ${port}; check that the box is plugged in and the port is right`,
        )
        const tag = await textOf(page, 'box-status')
        assert(!han.test(tag), `the box tag is not English: ${tag}`)
        await page.click(tid('nav-settings-print'))
        await pick(page, 'print-printer', `tcp://${closed}`)
        await page.click(tid('print-test'))
        const en = await printerError(page)
        assert(
          en === `Cannot reach the printer ${closed}; check its power, cable and paper`,
          `printer error in English: ${en}`,
        )
        assert(!systemWords.test(en), `the system's text reached the screen: ${en}`)
      },
      () => [page],
    )
  } finally {
    await page.close()
    await app.stop()
  }
}
