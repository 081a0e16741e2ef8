/**
 * The inputs of the commands that run Packer on a template (`init`, `fmt`, `validate`, `build`),
 * each command's own, read and validated before anything is downloaded. Pure: the paths they name
 * are checked by `resolvePaths` (action/inputs.ts).
 */
import { Inputs, ON_ERROR, type OnError } from '../action/constants.js'
import { ActionError } from '../action/errors.js'
import {
  parseBoolean,
  parseList,
  parseOptionalInteger,
  parseVariables,
  readSensitiveVariables,
  readWorkingDirectory,
  type InputReader,
  type Variable
} from '../action/inputs.js'

/** The template and where Packer runs: what every template command reads. */
export interface TemplateInputs {
  /** As given, relative to the workspace. */
  workingDirectory: string
  /** File or directory, relative to the working directory. */
  template: string
}

/** `packer init` (`command: init`, and before validate and build). */
export interface InitInputs extends TemplateInputs {
  githubToken: string
  cachePlugins: boolean
  installOfficialPlugins: boolean
}

export interface FmtInputs extends TemplateInputs {
  fmtCheck: boolean
}

/** What `packer validate` and `packer build` are given: variables, var-files, build selection. */
export interface VariableInputs {
  variables: Variable[]
  sensitiveVariables: Variable[]
  /** Relative to the working directory. */
  varFiles: string[]
  only: string[]
  except: string[]
}

export interface ValidateInputs extends InitInputs, VariableInputs {
  fmtCheck: boolean
}

export interface BuildInputs extends InitInputs, VariableInputs {
  onError: OnError
  parallelBuilds?: number
  force: boolean
  uploadArtifact: string
}

export function readTemplateInputs(read: InputReader): TemplateInputs {
  return {
    workingDirectory: readWorkingDirectory(read),
    template: read(Inputs.Template).trim() || '.'
  }
}

export function readInitInputs(read: InputReader): InitInputs {
  return {
    ...readTemplateInputs(read),
    githubToken: read(Inputs.GithubToken).trim(),
    cachePlugins: parseBoolean(read(Inputs.CachePlugins), Inputs.CachePlugins, true),
    installOfficialPlugins: parseBoolean(
      read(Inputs.InstallOfficialPlugins),
      Inputs.InstallOfficialPlugins,
      true
    )
  }
}

export function readFmtInputs(read: InputReader): FmtInputs {
  return { ...readTemplateInputs(read), fmtCheck: readFmtCheck(read) }
}

export function readValidateInputs(read: InputReader): ValidateInputs {
  return { ...readInitInputs(read), ...readVariableInputs(read), fmtCheck: readFmtCheck(read) }
}

export function readBuildInputs(read: InputReader): BuildInputs {
  const inputs: BuildInputs = {
    ...readInitInputs(read),
    ...readVariableInputs(read),
    onError: parseOnError(read(Inputs.OnError)),
    parallelBuilds: parseOptionalInteger(read(Inputs.ParallelBuilds), Inputs.ParallelBuilds),
    force: parseBoolean(read(Inputs.Force), Inputs.Force, false),
    uploadArtifact: read(Inputs.UploadArtifact).trim()
  }
  if (inputs.uploadArtifact && !/^[^"<>:|*?\\/\r\n]+$/.test(inputs.uploadArtifact)) {
    throw new ActionError(
      `Input '${Inputs.UploadArtifact}' is '${inputs.uploadArtifact}'; an artifact name cannot contain " < > : | * ? \\ / or a newline`
    )
  }
  return inputs
}

function readFmtCheck(read: InputReader): boolean {
  return parseBoolean(read(Inputs.FmtCheck), Inputs.FmtCheck, true)
}

function readVariableInputs(read: InputReader): VariableInputs {
  const inputs: VariableInputs = {
    variables: parseVariables(read(Inputs.Variables, true), Inputs.Variables),
    sensitiveVariables: readSensitiveVariables(read),
    varFiles: parseList(read(Inputs.VarFiles), /\r?\n/),
    only: parseList(read(Inputs.Only), /[,\r\n]/),
    except: parseList(read(Inputs.Except), /[,\r\n]/)
  }
  if (inputs.only.length && inputs.except.length) {
    throw new ActionError(`Inputs '${Inputs.Only}' and '${Inputs.Except}' cannot both be set`)
  }
  const names = new Set<string>()
  for (const v of [...inputs.variables, ...inputs.sensitiveVariables]) {
    if (names.has(v.name)) {
      throw new ActionError(
        `Variable '${v.name}' is given twice in '${Inputs.Variables}' / '${Inputs.SensitiveVariables}'`
      )
    }
    names.add(v.name)
  }
  return inputs
}

export function parseOnError(value: string): OnError {
  const choice = value.trim() || 'cleanup'
  if (choice === 'ask') {
    throw new ActionError(
      `Input '${Inputs.OnError}' is 'ask', which waits for an answer on a terminal and would hang the job; expected one of: ${ON_ERROR.join(', ')}`
    )
  }
  if (!(ON_ERROR as readonly string[]).includes(choice)) {
    throw new ActionError(
      `Input '${Inputs.OnError}' is '${choice}'; expected one of: ${ON_ERROR.join(', ')}`
    )
  }
  return choice as OnError
}
