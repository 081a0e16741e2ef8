/**
 * Reading the action's inputs: the reader, the inputs every command reads, and the parsers and
 * path checks the commands' own input readers (commands/*-inputs.ts) are made of.
 */
import * as core from '@actions/core'
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs'
import * as path from 'node:path'
import semver from 'semver'
import { BOOLEAN_WORDS, COMMANDS, type Command, DEFAULT_COMMAND, Inputs } from './constants.js'
import { ActionError } from './errors.js'
import { MIN_SECRET_LENGTH } from './redact.js'
import { checkReleasesUrl } from './releases-url.js'

export interface Variable {
  name: string
  /** Everything after the first `=`, byte for byte. */
  value: string
}

/** Reads an input by name; `raw` keeps leading and trailing white space. */
export type InputReader = (name: string, raw?: boolean) => string

/** The step's inputs, as the runner passes them. */
export function actionInputReader(): InputReader {
  return (name, raw) => core.getInput(name, { trimWhitespace: !raw })
}

/**
 * What every command reads: which command, whether to write the job summary, and the secrets,
 * masked whatever the command (a secret given to a step is kept out of its log, summary and
 * outputs even where the command does not use it).
 */
export interface SharedInputs {
  command: Command
  summary: boolean
  sensitiveVariables: Variable[]
  githubToken: string
}

/** Reads and validates the inputs every command reads; throws an ActionError that names the bad value. */
export function readSharedInputs(read: InputReader): SharedInputs {
  return {
    command: parseCommand(read(Inputs.Command)),
    summary: parseBoolean(read(Inputs.Summary), Inputs.Summary, true),
    sensitiveVariables: readSensitiveVariables(read),
    githubToken: read(Inputs.GithubToken).trim()
  }
}

/** `sensitive-variables`, each value long enough to be redacted. */
export function readSensitiveVariables(read: InputReader): Variable[] {
  const variables = parseVariables(
    read(Inputs.SensitiveVariables, true),
    Inputs.SensitiveVariables,
    true
  )
  for (const v of variables) {
    // An empty value has nothing to hide; one or two characters cannot be hidden.
    if (v.value.length > 0 && v.value.length < MIN_SECRET_LENGTH) {
      throw new ActionError(
        `Input '${Inputs.SensitiveVariables}': the value of '${v.name}' has ${v.value.length} character(s); a value under ${MIN_SECRET_LENGTH} characters cannot be redacted without blanking ordinary text in the log, so it cannot be kept secret: pass it in '${Inputs.Variables}', or use a longer secret`
      )
    }
  }
  return variables
}

/** What installing Packer (and the official plugins) reads: the commands that run Packer read it. */
export interface InstallerInputs {
  /** `latest`, an exact version without a leading `v`, or a semver range. */
  packerVersion: string
  /** Base URL of the release server, without a trailing slash. */
  releasesUrl: string
  /** ASCII-armored OpenPGP public key to trust instead of HashiCorp's; empty for HashiCorp's. */
  releasesSigningKey: string
}

export function readInstallerInputs(read: InputReader): InstallerInputs {
  return {
    packerVersion: parseVersionSpec(read(Inputs.PackerVersion)),
    releasesUrl: parseReleasesUrl(read(Inputs.ReleasesUrl)),
    releasesSigningKey: read(Inputs.ReleasesSigningKey).trim()
  }
}

/** `working-directory` as given, relative to the workspace; `.` when empty. */
export function readWorkingDirectory(read: InputReader): string {
  return read(Inputs.WorkingDirectory).trim() || '.'
}

/** Runs an input's own parser; its error gets the input's name in front when it lacks it. */
export function named<T>(input: string, value: string, parse: (value: string) => T): T {
  try {
    return parse(value)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if (message.startsWith(`Input '${input}'`)) throw new ActionError(message)
    throw new ActionError(
      message.startsWith(input)
        ? `Input '${input}': ${message.slice(input.length).replace(/^[\s:]+/, '')}`
        : `Input '${input}': ${message}`
    )
  }
}

/** Throws the error of a command that cannot run without `input`, saying what it is for. */
export function requireInput(command: Command, input: Inputs, present: boolean, why: string): void {
  if (!present)
    throw new ActionError(`Input '${input}' is required with command '${command}': ${why}`)
}

export function parseCommand(value: string): Command {
  const command = value.trim() || DEFAULT_COMMAND
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new ActionError(
      `Input '${Inputs.Command}' is '${command}'; expected one of: ${COMMANDS.join(', ')}`
    )
  }
  return command as Command
}

export function parseVersionSpec(value: string): string {
  const spec = value.trim() || 'latest'
  if (spec.toLowerCase() === 'latest') return 'latest'
  const exact = semver.valid(semver.clean(spec) ?? '')
  if (exact) return exact
  // semver reads an empty alternative as `*`: `>=1.0 <1.1 ||` would install any version.
  if (spec.split('||').some((alternative) => alternative.trim() === '')) {
    throw new ActionError(
      `Input '${Inputs.PackerVersion}' is '${spec}': an alternative between '||' is empty, which would match any version; remove the extra '||'`
    )
  }
  if (semver.validRange(spec)) return spec
  throw new ActionError(
    `Input '${Inputs.PackerVersion}' is '${spec}'; expected 'latest', an exact version such as ` +
      `'1.11.2', or a semver range such as '~1.11', '1.x' or '>=1.10 <1.12'`
  )
}

export function parseReleasesUrl(value: string): string {
  const checked = checkReleasesUrl(value)
  if ('problem' in checked) throw new ActionError(checked.problem)
  return checked.url
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/

/**
 * `name=value` lines. The value is everything after the first `=`, kept byte for byte; blank lines
 * are skipped. Values are never shown in errors, since they may be secret; with `secret`, names are
 * not either: a line missing its `name=` may be a secret whole.
 */
export function parseVariables(text: string, input: string, secret = false): Variable[] {
  const variables: Variable[] = []
  const lines = text.split('\n')
  lines.forEach((rawLine, index) => {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine
    if (line.trim() === '') return
    const eq = line.indexOf('=')
    if (eq < 0) {
      throw new ActionError(
        `Input '${input}', line ${index + 1}: expected name=value, found no '='`
      )
    }
    const name = line.slice(0, eq).trim()
    if (!IDENTIFIER.test(name)) {
      throw new ActionError(
        `Input '${input}', line ${index + 1}: ${secret ? 'the text before the first = (not shown, as the line may be a secret)' : `'${name.slice(0, 64)}'`} is not a variable name (letters, digits, _ and -, not starting with a digit)`
      )
    }
    variables.push({ name, value: line.slice(eq + 1) })
  })
  return variables
}

export function parseList(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean)
}

export function parseBoolean(value: string, input: string, fallback: boolean): boolean {
  const v = value.trim().toLowerCase()
  if (v === '') return fallback
  if ((BOOLEAN_WORDS.true as readonly string[]).includes(v)) return true
  if ((BOOLEAN_WORDS.false as readonly string[]).includes(v)) return false
  throw new ActionError(`Input '${input}' is '${value.trim()}'; expected true or false`)
}

/** A whole number from 0 to 1000, or undefined when empty; `zero` says what 0 means for the input. */
export function parseOptionalInteger(
  value: string,
  input: string,
  zero = 'no limit'
): number | undefined {
  const v = value.trim()
  if (v === '') return undefined
  if (!/^\d+$/.test(v) || Number(v) > 1000) {
    throw new ActionError(
      `Input '${input}' is '${v}'; expected a whole number from 0 to 1000 (0: ${zero})`
    )
  }
  return Number(v)
}

/** Template kinds Packer reads: HCL2 files and directories, and legacy JSON files. */
export type TemplateKind = 'hcl2-file' | 'hcl2-dir' | 'legacy-json'

export interface ResolvedPaths {
  /** Absolute working directory. */
  workingDirectory: string
  /** Absolute path of the template file or directory. */
  template: string
  kind: TemplateKind
  /** Absolute paths. */
  varFiles: string[]
}

/** A directory a path input may lead into, and what to call it in an error. */
export interface PathRoot {
  name: string
  dir: string
}

/** The real path of `file`, or of its nearest existing folder joined with the rest when it does not exist. */
function realPathOf(file: string): string {
  const rest: string[] = []
  let dir = path.resolve(file)
  for (;;) {
    try {
      return path.join(realpathSync(dir), ...rest)
    } catch {
      const parent = path.dirname(dir)
      if (parent === dir) return path.resolve(file)
      rest.unshift(path.basename(dir))
      dir = parent
    }
  }
}

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

/**
 * Refuses a path input whose real path, symlinks followed, leads out of `roots`: a pull request can
 * commit a symlink, and what the action reads through it (a var-file, a manifest) could reach the
 * log in an error message, and what it writes (tfvars) would land outside the repository.
 */
export function checkInside(
  file: string,
  input: Inputs | { variable: string },
  given: string,
  roots: PathRoot[],
  verb: 'is' | 'names' = 'is'
): void {
  const real = realPathOf(file)
  if (roots.some((root) => isInside(real, realPathOf(root.dir)))) return
  const where = roots.map((r) => `${r.name} (${r.dir})`).join(' and ')
  const named = typeof input === 'string' ? `Input '${input}'` : `Variable ${input.variable}`
  throw new ActionError(
    `${named} ${verb} '${given}', which resolves to ${real}, outside ${where}; a path input must lead inside ${roots.map((r) => r.name).join(' or ')}, so that a symlink in the repository cannot make the action read or write elsewhere`
  )
}

export function workspaceRoot(workspace: string): PathRoot {
  return { name: 'the workspace', dir: workspace }
}

/** The absolute working directory, which must exist, inside the workspace. */
export function workingDirectoryOf(given: string, workspace: string): string {
  const workingDirectory = path.resolve(workspace, given)
  if (!existsSync(workingDirectory) || !statSync(workingDirectory).isDirectory()) {
    throw new ActionError(
      `Input '${Inputs.WorkingDirectory}' is '${given}', which is not a directory (${workingDirectory})`
    )
  }
  checkInside(workingDirectory, Inputs.WorkingDirectory, given, [workspaceRoot(workspace)])
  return workingDirectory
}

/** The files of a template folder that Packer reads on its own (build) or rewrites (fmt). */
const READ_BY_PACKER = /\.(pkr|pkrvars)\.(hcl|json)$/
/** What `packer fmt -recursive` reads and rewrites in the folders below. */
const FORMATTED_BY_PACKER = /\.(pkr|pkrvars)\.hcl$/

/**
 * The files below `dir` that `packer fmt -recursive` would read, as Go's filepath.Walk finds them:
 * symlinked folders are not entered, symlinked files are listed (and followed when read).
 */
function formattedBelow(dir: string, relative = ''): string[] {
  const found: string[] = []
  for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
    const name = path.join(relative, entry.name)
    if (entry.isDirectory()) found.push(...formattedBelow(dir, name))
    else if (relative !== '' && FORMATTED_BY_PACKER.test(entry.name)) found.push(name)
  }
  return found
}

/** The paths a template command's inputs name, as they are given. */
export interface TemplatePaths {
  /** Relative to the workspace. */
  workingDirectory: string
  /** File or directory, relative to the working directory. */
  template: string
  /** Relative to the working directory; empty for a command that reads none. */
  varFiles: string[]
}

/**
 * Checks the paths a template command names and resolves them. `recursive`: the command runs
 * `packer fmt -recursive` (fmt, and validate with fmt-check), which reads the folders below a
 * template folder too.
 */
export function resolvePaths(
  inputs: TemplatePaths,
  workspace: string,
  recursive: boolean
): ResolvedPaths {
  const workingDirectory = workingDirectoryOf(inputs.workingDirectory, workspace)
  const template = path.resolve(workingDirectory, inputs.template)
  if (!existsSync(template)) {
    throw new ActionError(
      `Input '${Inputs.Template}' is '${inputs.template}', which does not exist (looked for ${template})`
    )
  }
  const roots = [workspaceRoot(workspace)]
  checkInside(template, Inputs.Template, inputs.template, roots)
  let kind: TemplateKind
  if (statSync(template).isDirectory()) {
    // `packer fmt -recursive` (validate with fmt-check, and fmt) goes into the folders below.
    const read = readdirSync(template).filter((f) => READ_BY_PACKER.test(f))
    for (const file of recursive ? [...read, ...formattedBelow(template)] : read) {
      checkInside(
        path.join(template, file),
        Inputs.Template,
        path.join(inputs.template, file),
        roots,
        'names'
      )
    }
    const templates = readdirSync(template).filter(
      (f) => f.endsWith('.pkr.hcl') || f.endsWith('.pkr.json')
    )
    if (templates.length === 0) {
      throw new ActionError(
        `Input '${Inputs.Template}' is the folder '${inputs.template}', which holds no .pkr.hcl or .pkr.json templates` +
          (readdirSync(template).some((f) => f.endsWith('.json'))
            ? '; name a legacy JSON template by its file name'
            : '')
      )
    }
    kind = 'hcl2-dir'
  } else if (template.endsWith('.pkr.hcl') || template.endsWith('.pkr.json')) {
    kind = 'hcl2-file'
  } else if (template.endsWith('.json')) {
    kind = 'legacy-json'
  } else {
    throw new ActionError(
      `Input '${Inputs.Template}' is '${inputs.template}'; expected a .pkr.hcl, .pkr.json or .json file, or a folder`
    )
  }
  const varFiles = inputs.varFiles.map((file) => {
    const resolved = path.resolve(workingDirectory, file)
    if (!existsSync(resolved) || !statSync(resolved).isFile()) {
      throw new ActionError(
        `Input '${Inputs.VarFiles}' names '${file}', which is not a file (looked for ${resolved})`
      )
    }
    checkInside(resolved, Inputs.VarFiles, file, roots, 'names')
    return resolved
  })
  return { workingDirectory, template, kind, varFiles }
}
