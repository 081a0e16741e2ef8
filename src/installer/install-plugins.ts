/**
 * Installs official HashiCorp plugins (`github.com/hashicorp/<name>` sources) from releases-url
 * through the same verified path as Packer itself, into the plugin directory under the names Packer
 * loads, so that `packer init` finds them installed and fetches nothing. Packer's own getter for
 * releases.hashicorp.com (1.14 and later) checks no signature; this one does. Other sources are left
 * to `packer init`.
 */
import { execFile } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import {
  chmod,
  copyFile,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  writeFile
} from 'node:fs/promises'
import * as path from 'node:path'
import * as core from '@actions/core'
import * as tc from '@actions/tool-cache'
import { ActionError, getErrorMessage } from '../action/errors.js'
import {
  DEFAULT_DOWNLOAD_OPTIONS,
  Downloader,
  type DownloadOptions,
  INDEX_LIMITS
} from './download.js'
import type { ReleasePlatform } from './platform.js'
import {
  checkDescribe,
  installedPluginFileName,
  manifestProtocol,
  newestFirst,
  officialPluginName,
  parseConstraint,
  parseInstalledPluginFileName,
  resolvePluginVersion,
  type PluginRequirement
} from './plugin-versions.js'
import {
  downloadReleaseFiles,
  trustedReleaseKeys,
  verifyReleaseFiles,
  type ReleaseFileNames
} from './release-files.js'
import {
  checkReleaseFiles,
  indexUrl,
  parseIndex,
  releaseFileUrl,
  selectBuild,
  selectSignatureFile
} from './releases.js'

export interface PluginInstallRequest {
  requirements: PluginRequirement[]
  /** Packer's plugin directory (PACKER_PLUGIN_PATH). */
  pluginDir: string
  releasesUrl: string
  /** Armored keys to trust instead of HashiCorp's; empty for HashiCorp's. */
  signingKey: string
  platform: ReleasePlatform
  /** Where downloads are staged (RUNNER_TEMP). */
  tempDir: string
  /** The environment a plugin binary runs with (its `describe`): Packer's, never the step's own. */
  env: NodeJS.ProcessEnv
  download?: DownloadOptions
  cancelled?: () => boolean
  onCancel?: (listener: () => void) => () => void
}

export interface InstalledPlugin {
  name: string
  source: string
  constraint: string
  version: string
  /** Whether it was already in the plugin directory (nothing was downloaded). */
  present: boolean
  binary: string
}

/** Where Packer keeps an official plugin: `<dir>/github.com/hashicorp/<name>`. */
function officialPluginFolder(pluginDir: string, name: string): string {
  return path.join(pluginDir, 'github.com', 'hashicorp', name)
}

/**
 * The installed versions of a plugin that Packer would load: a binary named for this platform with
 * a `_SHA256SUM` file that matches it.
 */
async function installedPluginVersions(
  pluginDir: string,
  name: string,
  platform: ReleasePlatform
): Promise<{ version: string; protocol: string; binary: string }[]> {
  const folder = officialPluginFolder(pluginDir, name)
  const files = await readdir(folder).catch(() => [] as string[])
  const found: { version: string; protocol: string; binary: string }[] = []
  for (const file of files) {
    const parsed = parseInstalledPluginFileName(file, name, platform)
    if (!parsed) continue
    const binary = path.join(folder, file)
    const [actual, sum] = await Promise.all([
      fileSha256(binary).catch(() => undefined),
      readFile(`${binary}_SHA256SUM`, 'utf8').catch(() => undefined)
    ])
    if (actual && sum?.trim().toLowerCase() === actual) found.push({ ...parsed, binary })
  }
  return found
}

function describe(binary: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(binary, ['describe'], { timeout: 30_000, encoding: 'utf8', env }, (error, stdout) => {
      if (error) reject(new Error(`'${path.basename(binary)} describe' failed: ${error.message}`))
      else resolve(stdout)
    })
  })
}

async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/**
 * Moves `from` to `to` through a temporary name beside `to`: a rename where both are on one file
 * system, a copy where they are not (RUNNER_TEMP and the plugin folder often are not).
 */
async function placeFile(from: string, to: string, mode: number): Promise<void> {
  const temp = `${to}.tmp-${randomBytes(6).toString('hex')}`
  try {
    await rename(from, temp).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EXDEV') throw error
      await copyFile(from, temp)
    })
    await chmod(temp, mode)
    await rename(temp, to)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

/** Writes `data` to `file` through a temporary name in the same folder, so no half file stays. */
async function writeAtomically(file: string, data: Buffer | string, mode: number): Promise<void> {
  const temp = `${file}.tmp-${randomBytes(6).toString('hex')}`
  try {
    await writeFile(temp, data, { mode })
    await chmod(temp, mode)
    await rename(temp, file)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

/**
 * Installs every official plugin the requirements name that is not installed yet in a version that
 * satisfies its constraint. An installed one costs no network request. Returns what each official
 * requirement now uses.
 */
export async function installOfficialPlugins(
  request: PluginInstallRequest
): Promise<InstalledPlugin[]> {
  const official = request.requirements
    .map((r) => ({ ...r, name: officialPluginName(r.source) }))
    .filter((r): r is PluginRequirement & { name: string } => r.name !== undefined)
  if (official.length === 0) return []
  const results: InstalledPlugin[] = []
  let downloader: Downloader | undefined
  let unsubscribe: (() => void) | undefined
  let trusted: Awaited<ReturnType<typeof trustedReleaseKeys>> | undefined
  try {
    for (const requirement of official) {
      const label = `plugin ${requirement.name} (${requirement.source} ${requirement.version || 'any version'})`
      const satisfies = parseConstraint(requirement.version, `plugin ${requirement.name}`)
      const installed = await installedPluginVersions(
        request.pluginDir,
        requirement.name,
        request.platform
      )
      const newest = newestFirst(installed.map((p) => p.version)).find(satisfies)
      const present = installed.filter((p) => p.version === newest)
      if (present.length > 0) {
        core.info(`${label}: ${present[0].version} is installed at ${present[0].binary}`)
        results.push({
          name: requirement.name,
          source: requirement.source,
          constraint: requirement.version,
          version: present[0].version,
          present: true,
          binary: present[0].binary
        })
        continue
      }
      if (request.cancelled?.()) throw new ActionError('the plugin installation was cancelled')
      if (!downloader) {
        downloader = new Downloader(request.download ?? DEFAULT_DOWNLOAD_OPTIONS)
        const active = downloader
        unsubscribe = request.onCancel?.(() => active.dispose())
      }
      trusted ??= await trustedReleaseKeys(request.signingKey)
      results.push(await installOne(downloader, request, requirement, trusted))
    }
  } catch (error) {
    if (request.cancelled?.()) {
      throw new ActionError('the plugin installation was cancelled; no partial plugin was left')
    }
    throw error
  } finally {
    unsubscribe?.()
    downloader?.dispose()
  }
  return results
}

async function installOne(
  downloader: Downloader,
  request: PluginInstallRequest,
  requirement: PluginRequirement & { name: string },
  trusted: Awaited<ReturnType<typeof trustedReleaseKeys>>
): Promise<InstalledPlugin> {
  const { name } = requirement
  const product = `packer-plugin-${name}`
  const url = indexUrl(request.releasesUrl, product)
  // Inside init's own log group: the runner does not nest groups, so this one opens none.
  core.info(`Installing plugin ${requirement.source} ${requirement.version}`)
  core.info(`Reading ${url}`)
  let document: unknown
  try {
    document = JSON.parse((await downloader.fetchBytes(url, INDEX_LIMITS)).toString('utf8'))
  } catch (error) {
    throw new ActionError(
      `plugin ${name} (${requirement.source}): could not read ${url}: ${getErrorMessage(error)}`
    )
  }
  const index = parseIndex(document, product)
  const version = resolvePluginVersion(index.keys(), requirement.version, `plugin ${name}`, url)
  core.info(`plugin ${name} '${requirement.version || 'any version'}' resolves to ${version}`)
  const release = index.get(version)!
  const build = selectBuild(release, request.platform, `plugin ${name} ${version}`)
  const signature = selectSignatureFile(
    release,
    trusted.keys.map((k) => k.getFingerprint())
  )
  checkReleaseFiles(product, release, build, signature)
  const manifest = `${product}_${version}_manifest.json`
  const names: ReleaseFileNames = {
    label: `plugin ${name} ${version} for ${request.platform.os}/${request.platform.arch}`,
    sums: release.shasums,
    signature,
    archive: build.filename,
    extras: [manifest]
  }
  const temp = await mkdtemp(path.join(request.tempDir, 'packer-plugin-'))
  try {
    const downloaded = await downloadReleaseFiles(
      downloader,
      names,
      (file) => releaseFileUrl(request.releasesUrl, product, version, file),
      temp
    )
    await verifyReleaseFiles(downloaded, names, trusted)
    let manifestDocument: unknown
    try {
      manifestDocument = JSON.parse(downloaded.extras[0].toString('utf8'))
    } catch {
      throw new ActionError(`${manifest} is not JSON`)
    }
    const protocol = manifestProtocol(manifestDocument, manifest)
    const fileName = installedPluginFileName(name, version, protocol, request.platform)
    const extracted = path.join(temp, 'extracted')
    await tc.extractZip(downloaded.archivePath, extracted)
    const binary = path.join(extracted, fileName)
    if (!existsSync(binary)) {
      const entries = await readdir(extracted)
      throw new ActionError(
        `${build.filename} has no '${fileName}' (it holds: ${entries.join(', ') || 'nothing'})`
      )
    }
    if (request.platform.os !== 'windows') await chmod(binary, 0o755)
    checkDescribe(
      await describe(binary, request.env),
      { version, protocol },
      `plugin ${name} ${version}`
    )
    if (request.cancelled?.()) throw new ActionError('cancelled')
    const folder = officialPluginFolder(request.pluginDir, name)
    await mkdir(folder, { recursive: true })
    const target = path.join(folder, fileName)
    const hash = await fileSha256(binary)
    await placeFile(binary, target, 0o755)
    // The checksum file last: Packer loads nothing without it, so a half install is never used.
    await writeAtomically(`${target}_SHA256SUM`, hash, 0o644)
    core.info(`plugin ${name} ${version} is installed at ${target}`)
    return {
      name,
      source: requirement.source,
      constraint: requirement.version,
      version,
      present: false,
      binary: target
    }
  } finally {
    await rm(temp, { recursive: true, force: true })
  }
}
