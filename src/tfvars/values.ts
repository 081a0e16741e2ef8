/**
 * The values the action writes into Terraform variable files, and what the HCL and JSON writers
 * share: the name check, value comparison, line endings and positions for messages. Pure code.
 */
import { ActionError } from '../action/errors.js'

/** A Terraform variable value this module writes: one AMI id, or AMI ids keyed by region. */
export type TfvarsValue = string | Record<string, string>

/** Variable name → value, in the order the variables are to be appended when missing. */
export type TfvarsValues = Record<string, TfvarsValue>

export interface TfvarsUpdate {
  text: string
  changed: boolean
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/

export function isTerraformIdentifier(name: string): boolean {
  return IDENTIFIER.test(name)
}

export function checkValues(values: TfvarsValues): void {
  for (const name of Object.keys(values)) {
    if (!isTerraformIdentifier(name)) {
      throw new ActionError(`"${name}" is not a valid Terraform variable name`)
    }
  }
}

export function sameValue(a: TfvarsValue | undefined, b: TfvarsValue): boolean {
  if (a === undefined) return false
  if (typeof a === 'string' || typeof b === 'string') return a === b
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  return keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && a[k] === b[k])
}

export function lineEndingOf(text: string): string {
  const lf = text.indexOf('\n')
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n'
}

/** 1-based line and column of an offset. */
export function position(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let start = 0
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++
    start = i + 1
  }
  return { line, column: offset - start + 1 }
}
