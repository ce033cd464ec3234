// Boot order: language and store first, then the router (its guard asks Go where to go), then mount.
// startup is imported first: its clock starts when the main script begins to run.
import { reportFirstPaint } from './startup'
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { elementPlus } from './elementPlus'
import './styles/main.css'
import App from './App.vue'
import { i18n } from './locales'
import { entryRoute, router } from './router'
import { setUnauthenticatedHandler } from './api/bridge'
import { useSessionStore } from './stores/session'
import { startWindowModes } from './stores/window'

async function boot(): Promise<void> {
  if (import.meta.env.VITE_XTF_MOCK === '1') {
    // Browser preview without Go: a scripted stand-in for the bound services (never in a build).
    const { installMock } = await import('./mock')
    installMock()
  }
  const app = createApp(App)
  app.use(createPinia())
  app.use(i18n)
  app.use(elementPlus)
  app.use(router)
  app.config.errorHandler = (err) => {
    console.error('[xtf] unhandled', err)
  }
  setUnauthenticatedHandler(() => {
    // The session (or the terminal's binding) has expired: ask Go again and let the guard route.
    const session = useSessionStore()
    void session
      .load()
      .then((st) => {
        const must = entryRoute(st.initialized, !!st.profile)
        if (must && router.currentRoute.value.path !== must) return router.replace(must)
      })
      .catch(() => undefined)
  })
  startWindowModes(router)
  await router.isReady()
  app.mount('#app')
  void reportFirstPaint()
}

void boot()
