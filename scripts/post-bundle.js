// ncc writes an ESM bundle; Node needs dist/package.json to load it as a module.
import { writeFileSync } from 'node:fs'

writeFileSync('dist/package.json', JSON.stringify({ type: 'module' }, null, 2) + '\n')
