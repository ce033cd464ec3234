// Routes (hash history: Wails serves a single page) and the start-up guard.
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { useSessionStore } from '../stores/session'

const routes: RouteRecordRaw[] = [
  {
    path: '/init',
    name: 'init',
    component: () => import('../views/init/InitView.vue'),
    meta: { public: true },
  },
  {
    path: '/login',
    name: 'login',
    component: () => import('../views/LoginView.vue'),
    meta: { public: true },
  },
  {
    path: '/',
    component: () => import('../layouts/MainLayout.vue'),
    redirect: '/pay',
    children: [
      { path: 'pay', name: 'pay', component: () => import('../views/pay/PayView.vue') },
      { path: 'trades', name: 'trades', component: () => import('../views/trades/TradesView.vue') },
      { path: 'handover', name: 'handover', component: () => import('../views/handover/HandoverView.vue') },
      {
        path: 'reverse/:kind(cancel|refund)',
        name: 'reverse',
        component: () => import('../views/reverse/ReverseView.vue'),
        props: (r) => ({ kind: r.params.kind }),
      },
      {
        path: 'reconcile',
        name: 'reconcile',
        component: () => import('../views/reconcile/ReconcileView.vue'),
      },
      { path: 'notices', name: 'notices', component: () => import('../views/notices/NoticeList.vue') },
      {
        path: 'notices/:id(\\d+)',
        name: 'notice',
        component: () => import('../views/notices/NoticeDetail.vue'),
        props: (r) => ({ id: Number(r.params.id) }),
      },
      { path: 'settings', redirect: '/settings/cashiers' },
      {
        path: 'settings/cashiers',
        name: 'cashiers',
        component: () => import('../views/settings/CashiersView.vue'),
      },
      {
        path: 'settings/terminals',
        name: 'terminals',
        component: () => import('../views/settings/TerminalsView.vue'),
      },
      {
        path: 'settings/connection',
        name: 'connection',
        component: () => import('../views/settings/ConnectionView.vue'),
      },
      { path: 'settings/about', name: 'about', component: () => import('../views/settings/AboutView.vue') },
      { path: 'settings/print', name: 'print', component: () => import('../views/settings/PrintView.vue') },
      { path: 'settings/box', name: 'box', component: () => import('../views/settings/BoxView.vue') },
      {
        path: 'settings/screen',
        name: 'screen',
        component: () => import('../views/settings/ScreenView.vue'),
      },
      {
        path: 'settings/hotkey',
        name: 'hotkey',
        component: () => import('../views/settings/HotkeyView.vue'),
      },
    ],
  },
  // The window's small modes (WindowService.SetMode): no layout chrome, no banners.
  {
    path: '/quickpay',
    name: 'quickpay',
    component: () => import('../views/quickpay/QuickPayView.vue'),
    meta: { bare: true },
  },
  {
    path: '/floating',
    name: 'floating',
    component: () => import('../views/floating/FloatingView.vue'),
    meta: { bare: true },
  },
  { path: '/:rest(.*)*', redirect: '/' },
]

export const router = createRouter({ history: createWebHashHistory(), routes })

/** entryRoute is where the app must be, given what Go says about this terminal. */
export function entryRoute(initialized: boolean, loggedIn: boolean): string | null {
  if (!initialized) return '/init'
  if (!loggedIn) return '/login'
  return null
}

router.beforeEach(async (to) => {
  const session = useSessionStore()
  if (!session.state) {
    try {
      await session.load()
    } catch {
      // Go unreachable: the init screen shows the error when it calls Go.
      return to.name === 'init' ? true : '/init'
    }
  }
  // The bubble shows whoever is logged in (or nobody): a click brings the main window back.
  if (to.name === 'floating') return true
  const must = entryRoute(session.initialized, session.loggedIn)
  if (must && to.path !== must) {
    // /init stays reachable from /login only through ForgetTerminal, which resets state.
    return must
  }
  if (!must && to.meta.public) return '/pay'
  return true
})
