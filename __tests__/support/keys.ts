/**
 * Release-signing keys of the shapes found in the wild, for the signature tests.
 *
 * HashiCorp's key (primary 2021-04-19, signing subkey 2021-04-21) was renewed on 2026-02-18 and is
 * published with only the new self-signatures, so every release it signed before that date carries a
 * signature older than any self-signature on the key. The builders here make keys of that shape two
 * ways: with openpgp's dates (fast, in-process) and with gpg's `--faked-system-time` (the tool that
 * made HashiCorp's), alongside fresh, expired and revoked keys.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import {
  createMessage,
  generateKey,
  readKey,
  reformatKey,
  revokeKey,
  sign,
  type PrivateKey
} from 'openpgp'

export const DAY = 24 * 60 * 60
export const KEY_CREATED = new Date('2021-04-19T22:30:17Z')
export const SIGNED_BEFORE_RENEWAL = new Date('2024-06-01T12:00:00Z')
export const RENEWED = new Date('2026-02-18T23:14:24Z')

const USER = { name: 'Test Release Signing', email: 'releases@example.test' }

export interface TestKey {
  /** The key that signs (as it stood when it signed). */
  privateKey: PrivateKey
  /** When `sign` signs by default, and when a release mirror using this key signs. */
  signatureDate?: Date
  /** Armored public key, as a publisher would publish it. */
  armoredPublic: string
  /** Upper-case hex fingerprint of the primary key. */
  fingerprint: string
  /** Signs `data` (detached, binary) at `date`. */
  sign(data: Uint8Array, date?: Date): Promise<Uint8Array>
}

async function detached(key: PrivateKey, data: Uint8Array, date: Date): Promise<Uint8Array> {
  return (await sign({
    message: await createMessage({ binary: data, date }),
    signingKeys: key,
    detached: true,
    format: 'binary',
    date
  })) as Uint8Array
}

async function generate(created: Date, expirySeconds: number): Promise<PrivateKey> {
  const { privateKey } = await generateKey({
    type: 'ecc',
    curve: 'ed25519Legacy',
    userIDs: [USER],
    date: created,
    keyExpirationTime: expirySeconds,
    format: 'object'
  })
  return privateKey
}

function wrap(
  privateKey: PrivateKey,
  published: PrivateKey = privateKey,
  signatureDate?: Date
): TestKey {
  return {
    privateKey,
    signatureDate,
    armoredPublic: published.toPublic().armor(),
    fingerprint: published.getFingerprint().toUpperCase(),
    sign: (data, date = signatureDate ?? new Date()) => detached(privateKey, data, date)
  }
}

/** A fresh key, created now, that never expires. */
export async function freshKey(): Promise<TestKey> {
  return wrap(await generate(new Date(), 0))
}

/**
 * A key created in 2021 whose self-signatures were all re-issued on 2026-02-18 (openpgp's
 * reformat keeps the key material and creation times and replaces every self-signature), like
 * HashiCorp's after its renewal. It signs with the key as it stood before the renewal, on
 * 2024-06-01 unless told otherwise.
 */
export async function renewedKey(): Promise<TestKey> {
  const original = await generate(KEY_CREATED, 6 * 365 * DAY)
  const renewed = await reformatKey({
    privateKey: original,
    userIDs: [USER],
    date: RENEWED,
    keyExpirationTime: 9 * 365 * DAY,
    format: 'object'
  })
  return wrap(original, renewed.privateKey, SIGNED_BEFORE_RENEWAL)
}

/** A key created in 2021 that expired in 2023; it signs as of 2022, while it was valid. */
export async function expiredKey(): Promise<TestKey & { expired: Date }> {
  const key = await generate(KEY_CREATED, 2 * 365 * DAY)
  return {
    ...wrap(key, key, new Date('2022-03-01T00:00:00Z')),
    expired: new Date(KEY_CREATED.getTime() + 2 * 365 * DAY * 1000)
  }
}

/** A key revoked on the renewal date, after it signed in 2024 (its default signing date). */
export async function revokedKey(): Promise<TestKey> {
  const key = await generate(KEY_CREATED, 0)
  const { privateKey: revoked } = await revokeKey({
    key,
    date: RENEWED,
    reasonForRevocation: { flag: 0, string: 'compromised' },
    format: 'object'
  })
  return wrap(key, revoked, SIGNED_BEFORE_RENEWAL)
}

function gpg(home: string, time: string, args: string[], input?: string): string {
  return execFileSync(
    'gpg',
    ['--homedir', home, '--batch', '--no-tty', '--faked-system-time', time, ...args],
    { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] }
  )
}

/**
 * HashiCorp's shape made by gpg itself: a primary key made on 2021-04-19 and a signing subkey on
 * 2021-04-21, a signature over `data` made on 2024-06-01, both expiries renewed on 2026-02-18, and
 * the key exported with `export-minimal`, which keeps only the newest self-signatures. Returns the
 * armored key, the key as a binary keyring for gpgv, and the signature.
 */
export function gpgRenewedKey(data: Uint8Array): {
  armoredPublic: string
  keyring: string
  fingerprint: string
  signature: Uint8Array
  dir: string
  dispose(): void
} {
  const home = mkdtempSync(path.join(tmpdir(), 'pia-gpg-'))
  const uid = `${USER.name} <${USER.email}>`
  gpg(home, '20210419T223017', [
    '--passphrase',
    '',
    '--quick-generate-key',
    uid,
    'ed25519',
    'cert,sign',
    '6y'
  ])
  const fingerprint = gpg(home, '20210419T223017', ['--with-colons', '--list-keys', uid])
    .split('\n')
    .find((line) => line.startsWith('fpr:'))!
    .split(':')[9]
  gpg(home, '20210421T164854', [
    '--passphrase',
    '',
    '--quick-add-key',
    fingerprint,
    'ed25519',
    'sign',
    '6y'
  ])
  const file = path.join(home, 'SHA256SUMS')
  writeFileSync(file, data)
  // Signed by the subkey, as HashiCorp's releases are.
  gpg(home, '20240601T120000', ['--detach-sign', '--output', `${file}.sig`, file])
  gpg(home, '20260218T231424', ['--quick-set-expire', fingerprint, '9y'])
  gpg(home, '20260218T231522', ['--quick-set-expire', fingerprint, '9y', '*'])
  const armoredPublic = gpg(home, '20260218T232000', [
    '--armor',
    '--export-options',
    'export-minimal',
    '--export',
    fingerprint
  ])
  const keyring = path.join(home, 'key.gpg')
  execFileSync('gpg', [
    '--homedir',
    home,
    '--batch',
    '--export-options',
    'export-minimal',
    '--output',
    keyring,
    '--export',
    fingerprint
  ])
  return {
    armoredPublic,
    keyring,
    fingerprint,
    signature: readFileSync(`${file}.sig`),
    dir: home,
    dispose: () => rmSync(home, { recursive: true, force: true })
  }
}

/** What gpgv says of `signature` over `data` with only `keyring` trusted; throws on a bad one. */
export function gpgv(keyring: string, signature: string, data: string): string {
  const result = spawnSync('gpgv', ['--keyring', keyring, signature, data], { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`gpgv refused the signature:\n${result.stderr}`)
  return result.stderr
}

/** The creation dates of every self-signature on an armored key, as gpg would list them. */
export async function selfSignatureDates(armored: string): Promise<Date[]> {
  const key = await readKey({ armoredKey: armored })
  return [
    ...key.users.flatMap((u) => u.selfCertifications.map((s) => s.created!)),
    ...key.subkeys.flatMap((s) => s.bindingSignatures.map((b) => b.created!))
  ]
}
