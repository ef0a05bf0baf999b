import { describe, expect, it } from 'vitest'
import { NARROW_QUERY as WORKBENCH_NARROW } from '../layout/Workbench'
import { NARROW_QUERY, paneSizeStyle } from './first-terminal'

describe('the first terminal’s frame', () => {
  it('stacks the panes on the screens Workbench stacks them on', () => {
    expect(NARROW_QUERY).toBe(WORKBENCH_NARROW)
  })

  it('sizes the panes from the saved sizes, the defaults for the rest', () => {
    expect(paneSizeStyle({ editor: 0.6 })).toBe('--f-instructions: 0.24; --f-cluster: 0.26; --f-editor: 0.6; --f-stack: 0.5')
  })
})
