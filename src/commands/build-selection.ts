/**
 * Which of a template's builds `only` and `except` select. Packer matches them as glob patterns
 * against each build's name, and does not say which builds there are when they select none, so the
 * action lists the builds with `packer inspect` and names them in its error.
 */
import { Inputs } from '../action/constants.js'
import { templateArgument } from '../packer/args.js'
import { runProcess } from '../packer/process.js'
import type { VariableInputs } from './template-inputs.js'
import type { PackerContext } from './packer-context.js'

/**
 * The names `-only` and `-except` match, from `packer inspect -machine-readable`: a legacy JSON
 * template's `template-builder` records, or the sources of each HCL2 build (prefixed with the
 * build's name when it has one). Pure.
 */
export function buildNamesFromInspect(output: string): string[] {
  const names: string[] = []
  for (const line of output.split(/\r?\n/)) {
    const fields = line.split(',')
    if (fields[2] === 'template-builder' && fields[3]) names.push(fields[3])
    if (fields[2] !== 'ui' || fields[3] !== 'say') continue
    const text = fields
      .slice(4)
      .join(',')
      .replace(/%!\(PACKER_COMMA\)/g, ',')
      .replace(/\\n/g, '\n')
    if (!text.startsWith('> builds:')) continue
    let build: string | undefined
    let section = ''
    for (const row of text.split('\n')) {
      const header = /^ {2}> (.+):$/.exec(row)
      if (header) {
        build = header[1].startsWith('<unnamed build') ? undefined : header[1]
        section = ''
        continue
      }
      const heading = /^ {4}(\S[^:]*):$/.exec(row)
      if (heading) {
        section = heading[1]
        continue
      }
      const source = /^ {6}(\S+)$/.exec(row)
      if (source && section === 'sources') names.push(build ? `${build}.${source[1]}` : source[1])
    }
  }
  return [...new Set(names)]
}

/**
 * Whether `pattern`, as Packer reads `-only` and `-except` (a glob: `*`, `?`, `[...]`), matches the
 * build `name`, or the name without its build block's prefix (`web.` of `web.amazon-ebs.ubuntu`).
 * It errs towards a match, so that the action never refuses a selection Packer would run. Pure.
 */
export function matchesBuild(pattern: string, name: string): boolean {
  let source = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '*') source += '.*'
    else if (c === '?') source += '.'
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2)
      if (end < 0) return true
      const body = pattern
        .slice(i + 1, end)
        .replace(/^!/, '^')
        .replace(/\\/g, '\\\\')
      source += `[${body}]`
      i = end
    } else if (c === '\\' && i + 1 < pattern.length) {
      source += escapeRegExp(pattern[++i])
    } else if (c === '{' || c === '}') {
      // A brace alternation cannot arrive whole: the inputs are split at commas.
      return true
    } else source += escapeRegExp(c)
  }
  let re: RegExp
  try {
    re = new RegExp(`^(?:${source})$`, 's')
  } catch {
    return true
  }
  const dot = name.indexOf('.')
  const withoutBuild = name.indexOf('.', dot + 1) > 0 ? name.slice(dot + 1) : undefined
  return re.test(name) || (withoutBuild !== undefined && re.test(withoutBuild))
}

function escapeRegExp(c: string): string {
  return /[.+^$(){}|[\]\\/]/.test(c) ? `\\${c}` : c
}

/** The builds of `names` that `only` and `except` leave to run. Pure. */
export function selectedBuilds(
  names: string[],
  inputs: Pick<VariableInputs, 'only' | 'except'>
): string[] {
  return names.filter((name) =>
    inputs.only.length
      ? inputs.only.some((p) => matchesBuild(p, name))
      : !inputs.except.some((p) => matchesBuild(p, name))
  )
}

/** The error for `only` or `except` that select no build, naming the builds there are. Pure. */
export function noBuildSelected(
  inputs: Pick<VariableInputs, 'only' | 'except'>,
  names: string[],
  consequence: string
): string {
  const input = inputs.only.length ? Inputs.Only : Inputs.Except
  const values = inputs.only.length ? inputs.only : inputs.except
  return (
    `Input '${input}' (${values.join(', ')}) ${input === Inputs.Only ? 'matches none of' : 'leaves none of'} the template's builds, ${consequence}; ` +
    (names.length ? `its builds: ${names.join(', ')}` : 'packer inspect could not list them')
  )
}

/** The template's build names, from `packer inspect`; none when it cannot list them. */
export async function templateBuildNames(ctx: PackerContext<VariableInputs>): Promise<string[]> {
  const chunks: Buffer[] = []
  try {
    await runProcess(ctx.binary, ['inspect', '-machine-readable', templateArgument(ctx.paths)], {
      cwd: ctx.paths.workingDirectory,
      env: ctx.env,
      onStdout: (c) => chunks.push(c),
      onStderr: () => undefined
    })
    return buildNamesFromInspect(Buffer.concat(chunks).toString('utf8'))
  } catch {
    return []
  }
}
