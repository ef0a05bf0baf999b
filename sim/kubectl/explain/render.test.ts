// The sub-template cases of kubectl's own plaintext_test.go (pkg/explain/v2/templates, v1.33):
// fieldDetail "Required", "Description", "Indent" and the extractEnum cases.

import { describe, expect, it } from 'vitest'
import { extractEnum, fieldDetail } from './render'
import type { Property } from './schema-view'

const field: Property = { name: 'thefield', node: { t: 'scalar', type: 'string', description: 'a description that should be printed' }, required: true }

describe('fieldDetail', () => {
  it('prints a required field on one line in the short form', () => {
    expect(fieldDetail(field, true, 0, {})).toBe('thefield\t<string> -required-\n')
  })

  it('prints the description below the field in the long form', () => {
    expect(fieldDetail(field, false, 0, {})).toBe('thefield\t<string> -required-\n  a description that should be printed\n\n')
  })

  it('indents two spaces per level', () => {
    expect(fieldDetail(field, true, 5, {})).toBe('          thefield\t<string> -required-\n')
  })

  it('says <no description> when there is none', () => {
    expect(fieldDetail({ name: 'x', node: { t: 'scalar', type: 'integer' }, required: false }, false, 1, {})).toBe('  x\t<integer>\n    <no description>\n\n')
  })
})

describe('extractEnum', () => {
  it('prints nothing for an empty enum', () => {
    expect(extractEnum([], true)).toBe('')
  })

  it('lists one value per line in the long view', () => {
    expect(extractEnum(['0', '1', '2', '3'], true)).toBe('ENUM:\n    0\n    1\n    2\n    3')
  })

  it('joins values with ", " on an indented line in the short view', () => {
    expect(extractEnum(['0', '1', '2', '3'], false, -1, 2)).toBe('\n  enum: 0, 1, 2, 3')
  })

  it('cuts the short view at the limit', () => {
    expect(extractEnum(['0', '1', '2', '3'], false, 2, 2)).toBe('\n  enum: 0, 1, ....')
  })

  it('cuts the long view at the limit too', () => {
    expect(extractEnum(['0', '1', '2', '3'], true, 2, 2)).toBe('ENUM:\n    0\n    1, ....')
  })

  it('shows the empty string as ""', () => {
    expect(extractEnum(['Block', 'File', ''], true)).toBe('ENUM:\n    Block\n    File\n    ""')
  })
})
