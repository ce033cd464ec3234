import { describe, expect, it } from 'vitest'
import { activeSources, adviceOrder, sourceRows } from './amountSources'

describe('amount sources', () => {
  it('are advised in the order POS API, 客显, 文本框, OCR', () => {
    expect(adviceOrder).toEqual(['pos', 'pole', 'textbox', 'ocr'])
    expect(sourceRows({ pos: '', mode: 'off', pole: '' }).map((r) => r.key)).toEqual(adviceOrder)
  })

  it('shows nothing in use when the API is off and no screen mode is saved', () => {
    const rows = sourceRows({ pos: 'off', mode: 'off', pole: '' })
    expect(rows.every((r) => r.state === 'off')).toBe(true)
    expect(activeSources(rows)).toEqual([])
  })

  it('shows the POS API beside the one screen mode in use', () => {
    const rows = sourceRows({ pos: 'listening', mode: 'ocr', pole: '' })
    expect(rows.map((r) => r.state)).toEqual(['active', 'off', 'off', 'active'])
    expect(activeSources(rows)).toEqual(['pos', 'ocr'])
  })

  it('marks a failing POS API or 客显 as failed, still in use', () => {
    const rows = sourceRows({ pos: 'failed', mode: 'pole', pole: 'failed' })
    expect(rows.map((r) => r.state)).toEqual(['failed', 'failed', 'off', 'off'])
    expect(activeSources(rows)).toEqual(['pos', 'pole'])
    expect(sourceRows({ pos: '', mode: 'pole', pole: 'listening' })[1].state).toBe('active')
  })

  it('does not take a 客显 failure for the text box', () => {
    expect(sourceRows({ pos: 'off', mode: 'textbox', pole: 'failed' }).map((r) => r.state)).toEqual([
      'off',
      'off',
      'active',
      'off',
    ])
  })
})
