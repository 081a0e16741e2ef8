// Runs every benchmark on the Node 24 that action.yml declares and prints one JSON line per figure.
import { execFileSync, spawnSync } from 'node:child_process'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { locateNode24 } from '../scripts/node24.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const found = locateNode24()
if (found.error) {
  console.error(found.error)
  process.exit(1)
}
const node24 = found.path
execFileSync(path.join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit'
})
let failed = false
for (const bench of [
  'bench/install.bench.ts',
  'bench/plugins.bench.ts',
  'bench/build.bench.ts',
  'bench/parser.bench.js'
]) {
  console.error(`# ${bench}`)
  const r = spawnSync(node24, ['--no-warnings', '--import', './bench/ts-resolve.js', bench], {
    cwd: root,
    stdio: 'inherit'
  })
  if (r.status !== 0) failed = true
}
process.exit(failed ? 1 : 0)
