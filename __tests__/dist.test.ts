/** The committed dist/ is exactly what a fresh bundle of src/ produces (check-dist.yml does the same on GitHub). */
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { ROOT } from './support/runner.js'

describe('dist/', () => {
  it('matches a fresh bundle', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'pia-dist-'))
    // The same command as `npm run bundle`, with the output folder swapped.
    const script = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts
      .bundle as string
    const [, ...args] = script.replace(/^rm -rf dist && /, '').split(' ')
    args[args.indexOf('--out') + 1] = out
    execFileSync(path.join(ROOT, 'node_modules/.bin/ncc'), args, { cwd: ROOT, stdio: 'pipe' })
    const fresh = readdirSync(out).sort()
    expect(readdirSync(path.join(ROOT, 'dist')).sort()).toEqual(fresh)
    for (const file of fresh) {
      const same = readFileSync(path.join(out, file)).equals(
        readFileSync(path.join(ROOT, 'dist', file))
      )
      expect({ file, same }).toEqual({ file, same: true })
    }
  })
})
