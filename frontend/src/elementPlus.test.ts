import { describe, expect, it } from 'vitest'
import { createApp } from 'vue'
import { elementPlus } from './elementPlus'

/** sources is the text of every .vue file of the UI. */
const sources = import.meta.glob<string>('./**/*.vue', { query: '?raw', import: 'default', eager: true })

const pascal = (tag: string): string =>
  tag.replace(/(^|-)([a-z])/g, (_m: string, _d: string, c: string) => c.toUpperCase())

describe('elementPlus', () => {
  it('registers every <el-*> component a template uses, and v-loading', () => {
    const app = createApp({})
    app.use(elementPlus)
    const tags = new Set<string>()
    for (const text of Object.values(sources)) {
      for (const m of text.matchAll(/<(el-[a-z-]+)/g)) tags.add(m[1])
    }
    expect(tags.size).toBeGreaterThan(20)
    const missing = [...tags].filter((t) => !app.component(pascal(t)))
    expect(missing).toEqual([])
    expect(app.directive('loading')).toBeTruthy()
  })
})
