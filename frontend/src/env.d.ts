/// <reference types="vite/client" />
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

interface ImportMetaEnv {
  /** "1" installs the scripted stand-in for the Go services (browser preview only). */
  readonly VITE_XTF_MOCK?: string
}
