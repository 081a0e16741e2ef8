/**
 * The real tools the tests run, built from their Go modules by `.ci/tools` into a per-machine cache:
 * `$PIA_TOOLS_DIR/<name>-<version>/<name>`, by default `${XDG_CACHE_HOME:-~/.cache}/packer-image-action/tools`
 * (the same folder `.ci/tools` writes). The tests never build anything themselves: a missing tool
 * is an error that says which command builds it.
 */
import { accessSync, constants } from 'node:fs'
import { homedir } from 'node:os'
import * as path from 'node:path'

/** The versions `.ci/tools` builds (keep in step with its TOOLS table). */
export const TOOL_VERSIONS = {
  packer: '1.9.4',
  'packer-plugin-amazon': '1.2.9',
  'packer-plugin-docker': '1.0.8',
  act: '0.2.87',
  tofu: '1.6.3',
  goss: '0.4.9'
} as const

export type ToolName = keyof typeof TOOL_VERSIONS

export function toolsDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PIA_TOOLS_DIR) return env.PIA_TOOLS_DIR
  const cache = env.XDG_CACHE_HOME || path.join(env.HOME || homedir(), '.cache')
  return path.join(cache, 'packer-image-action', 'tools')
}

/** Where `.ci/tools` puts a tool, whether or not it is there yet. */
export function toolPath(name: ToolName, env: NodeJS.ProcessEnv = process.env): string {
  return path.join(toolsDir(env), `${name}-${TOOL_VERSIONS[name]}`, name)
}

/** The built tool's path; throws, naming the command that builds it, when it is not there. */
export function tool(name: ToolName, env: NodeJS.ProcessEnv = process.env): string {
  const file = toolPath(name, env)
  try {
    accessSync(file, constants.X_OK)
  } catch {
    throw new Error(
      `${name} ${TOOL_VERSIONS[name]} is not built: no executable at ${file}. ` +
        `Run \`.ci/tools ${name}\` (it builds it from its Go module into that folder; ` +
        `PIA_TOOLS_DIR moves it) and run the tests again.`
    )
  }
  return file
}
