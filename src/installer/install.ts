import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import {
  chmod,
  mkdir,
  mkdtemp,
  readdir,
  rename,
  rm,
  rmdir,
  stat,
  writeFile
} from 'node:fs/promises'
import * as path from 'node:path'
import * as core from '@actions/core'
import * as tc from '@actions/tool-cache'
import type { Cancellation } from '../action/cancellation.js'
import { TOOL_NAME } from '../action/constants.js'
import { ActionError } from '../action/errors.js'
import { runnerTemp } from '../action/run-dir.js'
import {
  DEFAULT_DOWNLOAD_OPTIONS,
  Downloader,
  type DownloadOptions,
  HttpStatusError,
  INDEX_LIMITS
} from './download.js'
import {
  downloadReleaseFiles,
  type ReleaseFileNames,
  trustedReleaseKeys,
  verifyReleaseFiles
} from './release-files.js'
import type { TrustedKeys } from './verify.js'
import { binaryName, type ReleasePlatform } from './platform.js'
import { completeMarker, exactVersion, findInToolCache, toolCachePath } from './tool-cache.js'
import {
  indexUrl,
  parseIndex,
  releaseFileUrl,
  resolveVersion,
  checkReleaseFiles,
  selectBuild,
  selectSignatureFile,
  type Release,
  type ReleaseBuild
} from './releases.js'

export interface InstallRequest {
  versionSpec: string
  releasesUrl: string
  /** Armored key to trust instead of HashiCorp's; empty for HashiCorp's. */
  signingKey: string
  platform: ReleasePlatform
  /** Node's name for the architecture, the tool cache's folder name (`x64`, `arm64`, …). */
  cacheArch: string
  download?: DownloadOptions
  /** A cancel stops the downloads under way, and nothing is extracted after it. */
  cancellation?: Pick<Cancellation, 'requested' | 'onSignal'>
}

function checkNotCancelled(request: InstallRequest): void {
  if (request.cancellation?.requested) {
    throw new ActionError('the installation of Packer was cancelled; nothing was installed')
  }
}

export interface Installation {
  version: string
  /** Absolute path of the packer binary. */
  binary: string
  fromCache: boolean
}

function cachedBinary(version: string, request: InstallRequest): string | undefined {
  const dir = findInToolCache(toolCacheRoot(), TOOL_NAME, version, request.cacheArch)
  const binary = dir ? path.join(dir, binaryName(request.platform)) : undefined
  return binary && existsSync(binary) ? binary : undefined
}

/**
 * Installs Packer: resolve the version, use the tool cache when it has it, otherwise download the
 * release over the configured base URL, check the OpenPGP signature of its SHA256SUMS and the zip's
 * checksum, and only then extract it into the tool cache. An exact version found in the tool cache
 * costs no network request.
 */
export async function installPacker(request: InstallRequest): Promise<Installation> {
  const exact = exactVersion(request.versionSpec)
  if (exact !== undefined) {
    const binary = cachedBinary(exact, request)
    if (binary) return { version: exact, binary, fromCache: true }
  }

  // A releases-signing-key that is no key is reported before any request, not after the download.
  const givenKeys = request.signingKey ? await trustedReleaseKeys(request.signingKey) : undefined
  const downloader = new Downloader(request.download ?? DEFAULT_DOWNLOAD_OPTIONS)
  const unsubscribe = request.cancellation?.onSignal(() => downloader.dispose())
  try {
    checkNotCancelled(request)
    const url = indexUrl(request.releasesUrl, TOOL_NAME)
    const release = await core.group(`Resolve Packer ${request.versionSpec}`, async () => {
      core.info(`Reading ${url}`)
      let body: Buffer
      try {
        body = await downloader.fetchBytes(url, INDEX_LIMITS)
      } catch (error) {
        if (error instanceof HttpStatusError && error.status === 404) {
          throw new ActionError(
            `${url} answered HTTP 404: is releases-url '${request.releasesUrl}' a release server?`
          )
        }
        throw error
      }
      let document: unknown
      try {
        document = JSON.parse(body.toString('utf8'))
      } catch {
        throw new ActionError(`${url} is not JSON`)
      }
      const index = parseIndex(document)
      const version = resolveVersion(index.keys(), request.versionSpec, url)
      core.info(`Packer ${request.versionSpec} resolves to ${version}`)
      return index.get(version)!
    })

    const binary = cachedBinary(release.version, request)
    if (binary) {
      core.info(`Packer ${release.version} is in the tool cache`)
      return { version: release.version, binary, fromCache: true }
    }

    const build = selectBuild(release, request.platform)
    return await downloadAndCache(downloader, request, build, release, givenKeys)
  } catch (error) {
    // A download the cancel stopped fails with its own message; say what happened instead.
    checkNotCancelled(request)
    throw error
  } finally {
    unsubscribe?.()
    downloader.dispose()
  }
}

async function downloadAndCache(
  downloader: Downloader,
  request: InstallRequest,
  build: ReleaseBuild,
  release: Release,
  givenKeys: TrustedKeys | undefined
): Promise<Installation> {
  const { version } = release
  const zipName = build.filename
  const trusted = givenKeys ?? (await trustedReleaseKeys(request.signingKey))
  const keyIds = trusted.keys.map((k) => k.getFingerprint())
  const sigName = selectSignatureFile(release, keyIds)
  checkReleaseFiles(TOOL_NAME, release, build, sigName)
  const fileUrl = (name: string): string =>
    releaseFileUrl(request.releasesUrl, TOOL_NAME, version, name)
  const platform = `${request.platform.os}/${request.platform.arch}`
  const names: ReleaseFileNames = {
    label: `Packer ${version} for ${platform}`,
    sums: release.shasums,
    signature: sigName,
    archive: zipName
  }

  const temp = await mkdtemp(path.join(runnerTemp(), 'packer-download-'))
  try {
    const downloaded = await core.group(`Download Packer ${version} for ${platform}`, () =>
      downloadReleaseFiles(downloader, names, fileUrl, temp)
    )
    await core.group('Verify the download', () => verifyReleaseFiles(downloaded, names, trusted))
    const zipPath = downloaded.archivePath

    checkNotCancelled(request)
    const binary = await core.group(`Extract Packer ${version}`, () =>
      extractIntoToolCache(zipPath, version, request)
    )
    return { version, binary, fromCache: false }
  } finally {
    await rm(temp, { recursive: true, force: true })
  }
}

function toolCacheRoot(): string {
  const dir = process.env.RUNNER_TOOL_CACHE
  if (!dir)
    throw new ActionError(
      'RUNNER_TOOL_CACHE is not set: is this running on a GitHub Actions runner?'
    )
  return dir
}

/** A staging folder older than this was left by an install that was killed; it is removed. */
const STALE_STAGING_MS = 60 * 60 * 1000
/** How long another install's folder may stand without its `.complete` marker before it is stale. */
const MARKER_WAIT_MS = 5000

/** Removes the staging folders of installs that were killed before they finished. */
async function removeStaleStaging(toolRoot: string): Promise<void> {
  const entries = await readdir(toolRoot).catch(() => [] as string[])
  for (const entry of entries) {
    if (!entry.startsWith('.staging-')) continue
    const dir = path.join(toolRoot, entry)
    const info = await stat(dir).catch(() => undefined)
    if (info && Date.now() - info.mtimeMs > STALE_STAGING_MS) {
      await rm(dir, { recursive: true, force: true })
    }
  }
}

async function waitForMarker(marker: string): Promise<boolean> {
  for (let waited = 0; waited < MARKER_WAIT_MS; waited += 100) {
    if (existsSync(marker)) return true
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return existsSync(marker)
}

/**
 * Moves `staging` to `finalDir`, never deleting a finished install: another job sharing the tool
 * cache may have placed the same version meanwhile, and then that one is used. A folder without
 * its marker that stays so is what a killed install left, and is replaced. Returns whether the
 * folder now there is another install's.
 */
async function place(staging: string, finalDir: string): Promise<boolean> {
  const marker = completeMarker(finalDir)
  for (let attempt = 0; ; attempt++) {
    if (existsSync(marker)) return true
    try {
      await rename(staging, finalDir)
      return false
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if ((code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EPERM') || attempt > 0)
        throw error
    }
    if (await waitForMarker(marker)) return true
    // Moved aside first, atomically, so that no other install's rename can land in it.
    const stale = `${finalDir}.stale-${randomBytes(6).toString('hex')}`
    await rename(finalDir, stale).catch(() => undefined)
    await rm(stale, { recursive: true, force: true })
  }
}

/**
 * Extracts a verified zip into the tool cache, in the layout `@actions/tool-cache` reads
 * (`<root>/packer/<version>/<arch>` plus an `<arch>.complete` marker). It extracts next to its final
 * place and renames it there, rather than extracting and copying as `tc.cacheDir` would, which
 * would write the 100 MB binary twice. On any failure nothing is left behind.
 */
async function extractIntoToolCache(
  zipPath: string,
  version: string,
  request: InstallRequest
): Promise<string> {
  const toolRoot = path.join(toolCacheRoot(), TOOL_NAME)
  const finalDir = toolCachePath(toolCacheRoot(), TOOL_NAME, version, request.cacheArch)
  const versionDir = path.dirname(finalDir)
  const staging = path.join(toolRoot, `.staging-${version}-${randomBytes(6).toString('hex')}`)
  const name = binaryName(request.platform)
  let placed = false
  try {
    await removeStaleStaging(toolRoot)
    await mkdir(staging, { recursive: true })
    await tc.extractZip(zipPath, staging)
    // A cancel during extraction installs nothing, as a cancel during the download does.
    checkNotCancelled(request)
    const binary = path.join(staging, name)
    const info = await stat(binary).catch(() => undefined)
    if (!info?.isFile()) {
      const entries = await readdir(staging)
      throw new ActionError(
        `${path.basename(zipPath)} has no '${name}' at its top level (it holds: ${entries.join(', ') || 'nothing'})`
      )
    }
    if (request.platform.os !== 'windows') await chmod(binary, 0o755)
    await mkdir(versionDir, { recursive: true })
    if (await place(staging, finalDir)) {
      await rm(staging, { recursive: true, force: true })
      core.info(
        `Packer ${version} was placed in the tool cache meanwhile, at ${finalDir}; using it`
      )
      return path.join(finalDir, name)
    }
    placed = true
    await writeFile(completeMarker(finalDir), '')
    core.info(`Packer ${version} is in the tool cache at ${finalDir}`)
    return path.join(finalDir, name)
  } catch (error) {
    await rm(staging, { recursive: true, force: true })
    if (placed) await rm(finalDir, { recursive: true, force: true })
    for (const dir of [versionDir, toolRoot]) await rmdir(dir).catch(() => undefined)
    throw error
  }
}
