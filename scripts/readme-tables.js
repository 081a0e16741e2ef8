// Renders the README's inputs and outputs tables from action.yml, so the two never disagree.
// `node scripts/readme-tables.js` rewrites README.md; `--check` exits 1 when it is stale.
import { readFileSync, writeFileSync } from 'node:fs'
import { parse } from 'yaml'

const escape = (text) =>
  String(text)
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim()

export function renderTables(actionYml) {
  const action = parse(actionYml)
  const inputs = [
    '| Input | Default | Description |',
    '| --- | --- | --- |',
    ...Object.entries(action.inputs ?? {}).map(
      ([name, spec]) =>
        `| \`${name}\` | ${spec.default === undefined || spec.default === '' ? '' : `\`${escape(spec.default)}\``} | ${escape(spec.description)} |`
    )
  ].join('\n')
  const outputs = [
    '| Output | Description |',
    '| --- | --- |',
    ...Object.entries(action.outputs ?? {}).map(
      ([name, spec]) => `| \`${name}\` | ${escape(spec.description)} |`
    )
  ].join('\n')
  return { inputs, outputs }
}

export function updateReadme(readme, tables) {
  let text = readme
  for (const [name, table] of Object.entries(tables)) {
    const start = `<!-- ${name}:start -->`
    const end = `<!-- ${name}:end -->`
    const from = text.indexOf(start)
    const to = text.indexOf(end)
    if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} block`)
    text = text.slice(0, from + start.length) + '\n' + table + '\n' + text.slice(to)
  }
  return text
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const readme = readFileSync('README.md', 'utf8')
  const updated = updateReadme(readme, renderTables(readFileSync('action.yml', 'utf8')))
  if (process.argv.includes('--check')) {
    if (updated !== readme) {
      console.error('README.md inputs/outputs tables differ from action.yml: run `npm run docs`')
      process.exit(1)
    }
  } else writeFileSync('README.md', updated)
}
