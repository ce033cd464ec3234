// Seed data of the browser-preview stand-in; dev only.
import type { Notice, Profile, Trade } from '../api/types'
import dayjs from 'dayjs'

export const demoMerchant = '660581053990001'
export const stores = [
  { id: 1, name: '呼和浩特万达广场店' },
  { id: 2, name: '赛罕区大学西街店' },
]

export const testCodes = [
  { code: '134567890123456700', outcome: '微信 · 立即成功' },
  { code: '281234567890123400', outcome: '支付宝 · 立即成功' },
  { code: '6212345678901234500', outcome: '云闪付 · 立即成功' },
  { code: '134567890123456790', outcome: '微信 · 支付中，查询 2 次后成功' },
  { code: '134567890123456791', outcome: '微信 · 一直支付中，最终关单' },
  { code: '134567890123456792', outcome: '微信 · 失败：余额不足' },
  { code: '134567890123456793', outcome: '微信 · 应答超时，结果待确认' },
  { code: '134567890123456797', outcome: '微信 · 支付中，之后失败' },
  { code: '999999999999999999', outcome: '无效付款码' },
]

export function seedCashiers(): (Profile & { password: string })[] {
  return [
    {
      account: '01',
      name: '管理员',
      phone: '',
      remark: '',
      role: 'admin',
      passwordChanged: false,
      password: '1111111',
    },
    {
      account: '03',
      name: '王晓梅',
      phone: '13800138003',
      remark: '早班',
      role: 'cashier',
      passwordChanged: true,
      password: 'abc12345',
    },
    {
      account: '04',
      name: '李强',
      phone: '13900139004',
      remark: '',
      role: 'cashier',
      passwordChanged: false,
      password: '1111111',
    },
  ]
}

export function seedNotices(): Notice[] {
  const d = (daysAgo: number) => new Date(Date.now() - daysAgo * 86400000).toISOString()
  return [
    {
      id: 4,
      title: '春节期间清算安排的通知',
      body: '尊敬的商户：\n春节期间（2 月 9 日至 2 月 17 日）交易正常受理，资金顺延至节后第一个工作日清算。\n如有疑问请致电 95156。',
      publishedAt: d(0),
      read: false,
    },
    {
      id: 3,
      title: '关于防范电信网络诈骗的提示',
      body: '近期有不法分子冒充客服要求商户提供短信验证码，请勿向任何人透露验证码。',
      publishedAt: d(3),
      read: false,
    },
    {
      id: 2,
      title: '小通付 V2.0 版本更新说明',
      body: '新增截屏区域配置、盒子播报等功能，优化收款速度。',
      publishedAt: d(10),
      read: true,
    },
    {
      id: 1,
      title: '系统维护公告',
      body: '本周日凌晨 2:00–4:00 进行系统维护，期间可能无法收款。',
      publishedAt: d(20),
      read: true,
    },
  ]
}

let nextId = 100

export function makeTrade(p: Partial<Trade> & { amount: number; channel: string }): Trade {
  nextId += 1
  const now = new Date().toISOString()
  return {
    id: nextId,
    reqsn: `${dayjs().format('YYYYMMDDHHmmss')}${String(nextId).padStart(10, '0')}`,
    kind: 'pay',
    status: 'success',
    refundedAmount: 0,
    source: 'manual',
    codeMasked: '****0000',
    trxid: `2412${String(Date.now()).slice(-9)}${nextId}`,
    chnltrxid: '',
    trxcode: 'VSP501',
    errmsg: '',
    cashier: '01',
    storeName: stores[0].name,
    createdAt: now,
    updatedAt: now,
    ...p,
  }
}

export function seedTrades(): Trade[] {
  const out: Trade[] = []
  const channels = ['wechat', 'alipay', 'unionpay']
  for (let i = 0; i < 26; i++) {
    const at = new Date(Date.now() - (26 - i) * 17 * 60000).toISOString()
    const channel = channels[i % 3]
    const kind = i % 9 === 4 ? 'refund' : i % 11 === 7 ? 'cancel' : 'pay'
    const status = i % 8 === 5 ? 'failed' : i % 13 === 6 ? 'unknown' : 'success'
    out.push(
      makeTrade({
        amount: [1, 1250, 3800, 99, 25600, 720][i % 6],
        channel,
        kind,
        status,
        errmsg: status === 'failed' ? '余额不足' : '',
        cashier: i % 2 ? '03' : '01',
        createdAt: at,
        updatedAt: at,
        origReqsn: kind === 'pay' ? undefined : 'XTF17326400000000101',
      }),
    )
  }
  return out.reverse()
}
