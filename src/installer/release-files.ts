/**
 * The one verified path every release takes, Packer's and each official plugin's: the checksums, a
 * signature and the archive (plus any small extra file) are downloaded side by side from the
 * configured base URL, the signature is checked against the trusted keys, and the archive's SHA-256
 * against the signed checksums. Nothing is used before both checks pass.
 */
import { createHash } from 'node:crypto'
import * as path from 'node:path'
import * as core from '@actions/core'
import { ActionError } from '../action/errors.js'
import { ARCHIVE_LIMITS, type Downloader, HttpStatusError, SIGNED_FILE_LIMITS } from './download.js'
import { HASHICORP_RELEASE_KEY, HASHICORP_RELEASE_KEY_FINGERPRINT } from './hashicorp-key.js'
import type { TrustedKeys } from './verify.js'

/** The keys releases must be signed with: the releases-signing-key, or HashiCorp's embedded key. */
export async function trustedReleaseKeys(signingKey: string): Promise<TrustedKeys> {
  const { readTrustedKeys, formatFingerprint } = await import('./verify.js')
  return readTrustedKeys(
    signingKey || HASHICORP_RELEASE_KEY,
    signingKey
      ? 'the releases-signing-key'
      : `HashiCorp's release key ${formatFingerprint(HASHICORP_RELEASE_KEY_FINGERPRINT)}`
  )
}

export interface ReleaseFileNames {
  /** What the files are, for messages: `Packer 1.9.4 for linux/amd64`. */
  label: string
  sums: string
  signature: string
  archive: string
  /** Small files read into memory beside the archive (a plugin's `_manifest.json`). */
  extras?: string[]
}

export interface DownloadedRelease {
  sums: Buffer
  signature: Buffer
  archivePath: string
  archiveHash: string
  extras: Buffer[]
}

/** Downloads the files into `dir`; the first failure stops the others. A 404 names the file. */
export async function downloadReleaseFiles(
  downloader: Downloader,
  names: ReleaseFileNames,
  url: (name: string) => string,
  dir: string
): Promise<DownloadedRelease> {
  const extras = names.extras ?? []
  for (const name of [names.sums, names.signature, names.archive, ...extras]) core.info(url(name))
  const missing = (name: string) => (error: unknown) => {
    if (error instanceof HttpStatusError && error.status === 404) {
      throw new ActionError(`${names.label}: ${name} is missing (HTTP 404 at ${error.url})`)
    }
    throw error
  }
  const archivePath = path.join(dir, names.archive)
  const [sums, signature, archiveHash, ...extraBodies] = await Promise.all([
    downloader.fetchBytes(url(names.sums), SIGNED_FILE_LIMITS).catch(missing(names.sums)),
    downloader.fetchBytes(url(names.signature), SIGNED_FILE_LIMITS).catch(missing(names.signature)),
    downloader
      .downloadFile(url(names.archive), archivePath, ARCHIVE_LIMITS)
      .catch(missing(names.archive)),
    ...extras.map((name) =>
      downloader.fetchBytes(url(name), SIGNED_FILE_LIMITS).catch(missing(name))
    )
  ]).catch((error: unknown) => {
    downloader.dispose()
    throw error
  })
  return {
    sums: sums as Buffer,
    signature: signature as Buffer,
    archivePath,
    archiveHash: archiveHash as string,
    extras: extraBodies as Buffer[]
  }
}

/**
 * Checks the signature of the checksums, then the archive against them; throws on either. An extra
 * file the checksums list is checked too (HashiCorp lists a release's `_manifest.json`); one they do
 * not list is only ever cross-checked against what the signed archive holds.
 */
export async function verifyReleaseFiles(
  downloaded: DownloadedRelease,
  names: ReleaseFileNames,
  trusted: TrustedKeys
): Promise<void> {
  const { verifyDetachedSignature, parseSha256Sums, expectedSha256, formatFingerprint } =
    await import('./verify.js')
  const check = await verifyDetachedSignature(
    downloaded.sums,
    downloaded.signature,
    trusted,
    names.sums
  )
  core.info(
    `${names.sums}: good signature by ${formatFingerprint(check.signingKeyFingerprint)}` +
      (check.signingKeyFingerprint === check.primaryFingerprint
        ? ''
        : ` (subkey of ${formatFingerprint(check.primaryFingerprint)})`)
  )
  const sums = parseSha256Sums(downloaded.sums.toString('utf8'))
  const expected = expectedSha256(sums, names.archive, names.sums)
  if (expected !== downloaded.archiveHash) {
    throw new ActionError(
      `${names.archive} does not match ${names.sums}: its SHA-256 is ${downloaded.archiveHash}, ` +
        `the signed checksum is ${expected}`
    )
  }
  core.info(`${names.archive}: SHA-256 ${downloaded.archiveHash} matches`)
  for (const [index, name] of (names.extras ?? []).entries()) {
    const listed = sums.get(name)
    if (!listed) continue
    const hash = createHash('sha256').update(downloaded.extras[index]).digest('hex')
    if (hash !== listed) {
      throw new ActionError(
        `${name} does not match ${names.sums}: its SHA-256 is ${hash}, the signed checksum is ${listed}`
      )
    }
    core.info(`${name}: SHA-256 ${hash} matches`)
  }
}
