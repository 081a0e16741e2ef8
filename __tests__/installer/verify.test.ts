import { beforeAll, describe, expect, it } from '@jest/globals'
import {
  HASHICORP_RELEASE_KEY,
  HASHICORP_RELEASE_KEY_FINGERPRINT
} from '../../src/installer/hashicorp-key.js'
import {
  expectedSha256,
  fingerprintOf,
  formatFingerprint,
  parseSha256Sums,
  readTrustedKeys,
  verifyDetachedSignature,
  type TrustedKeys
} from '../../src/installer/verify.js'
import { writeFileSync } from 'node:fs'
import * as path from 'node:path'
import {
  expiredKey,
  freshKey,
  gpgRenewedKey,
  gpgv,
  RENEWED,
  renewedKey,
  revokedKey,
  selfSignatureDates,
  SIGNED_BEFORE_RENEWAL
} from '../support/keys.js'
import {
  createSigningKey,
  detachedSignature,
  signingKeyId,
  type SigningKey
} from '../support/mirror.js'

const SUMS = Buffer.from(
  'a'.repeat(64) +
    '  packer_1.6.6_linux_amd64.zip\n' +
    'b'.repeat(64) +
    '  packer_1.6.6_darwin_amd64.zip\n'
)

let trustedKey: SigningKey
let otherKey: SigningKey
let trusted: TrustedKeys
let hashicorp: TrustedKeys

beforeAll(async () => {
  ;[trustedKey, otherKey] = await Promise.all([
    createSigningKey('Trusted'),
    createSigningKey('Other')
  ])
  trusted = await readTrustedKeys(trustedKey.armoredPublic, 'the releases-signing-key')
  hashicorp = await readTrustedKeys(HASHICORP_RELEASE_KEY, "HashiCorp's release key")
})

describe("HashiCorp's embedded release key", () => {
  it('parses, has the published fingerprint and a signing subkey', () => {
    expect(hashicorp.keys).toHaveLength(1)
    const [key] = hashicorp.keys
    expect(fingerprintOf(key)).toBe('C874011F0AB405110D02105534365D9472D7468F')
    expect(HASHICORP_RELEASE_KEY_FINGERPRINT).toBe(fingerprintOf(key))
    expect(formatFingerprint(fingerprintOf(key))).toBe(
      'C874 011F 0AB4 0511 0D02 1055 3436 5D94 72D7 468F'
    )
    expect(key.isPrivate()).toBe(false)
    expect(key.getSubkeys().map((k) => k.getFingerprint().toUpperCase())).toContain(
      '374EC75B485913604A831CC7C820C6D5CD27AB87'
    )
  })

  it('rejects a checksum file signed by any other key', async () => {
    const signature = await detachedSignature(SUMS, otherKey)
    await expect(verifyDetachedSignature(SUMS, signature, hashicorp, 'SHA256SUMS')).rejects.toThrow(
      `The signature of SHA256SUMS is not valid for HashiCorp's release key: signed by key ID ${signingKeyId(otherKey)}`
    )
  })
})

describe("HashiCorp's key after its 2026-02-18 renewal", () => {
  it('carries only self-signatures from the renewal, years after the key and its subkey were made', async () => {
    const dates = await selfSignatureDates(HASHICORP_RELEASE_KEY)
    expect(dates.length).toBeGreaterThanOrEqual(2)
    for (const date of dates) expect(date.toISOString().slice(0, 10)).toBe('2026-02-18')
    const [key] = hashicorp.keys
    expect(key.getCreationTime().toISOString().slice(0, 10)).toBe('2021-04-19')
  })

  it('has no valid self-signature at a 2024 signing date, yet is valid today', async () => {
    const [key] = hashicorp.keys
    const subkeyId = key.getSubkeys()[0].getKeyID()
    // What openpgp concludes on its own at a release's signing time: the renewal is in the future.
    await expect(key.getSigningKey(subkeyId, SIGNED_BEFORE_RENEWAL)).rejects.toThrow(
      /creation time is in the future/
    )
    await expect(key.getSigningKey(subkeyId, new Date())).resolves.toBeDefined()
    const expiry = await key.getExpirationTime()
    expect(expiry instanceof Date && expiry.getTime() > Date.now()).toBe(true)
  })
})

describe('signatures made before the key was renewed', () => {
  it('are accepted, as gpgv accepts them (key renewed with openpgp)', async () => {
    const key = await renewedKey()
    const dates = await selfSignatureDates(key.armoredPublic)
    expect(dates.every((d) => d.getTime() === RENEWED.getTime())).toBe(true)
    const signature = await key.sign(SUMS, SIGNED_BEFORE_RENEWAL)
    const keys = await readTrustedKeys(key.armoredPublic, 'the releases-signing-key')
    const check = await verifyDetachedSignature(SUMS, signature, keys, 'SHA256SUMS')
    expect(check.primaryFingerprint).toBe(key.fingerprint)
  })

  it('are accepted for a key gpg made, renewed with --faked-system-time and exported minimal, where gpgv says Good signature', async () => {
    const made = gpgRenewedKey(SUMS)
    try {
      const data = path.join(made.dir, 'SHA256SUMS')
      writeFileSync(`${data}.sig`, made.signature)
      expect(gpgv(made.keyring, `${data}.sig`, data)).toMatch(/Good signature/)
      const dates = await selfSignatureDates(made.armoredPublic)
      expect(dates.length).toBeGreaterThanOrEqual(2)
      for (const date of dates) expect(date.toISOString().slice(0, 10)).toBe('2026-02-18')
      const keys = await readTrustedKeys(made.armoredPublic, 'the releases-signing-key')
      const check = await verifyDetachedSignature(SUMS, made.signature, keys, 'SHA256SUMS')
      expect(check.primaryFingerprint).toBe(made.fingerprint)
      // The subkey made it, as HashiCorp's subkey makes theirs.
      expect(check.signingKeyFingerprint).not.toBe(made.fingerprint)
    } finally {
      made.dispose()
    }
  })

  it('still refuse data changed after signing', async () => {
    const key = await renewedKey()
    const signature = await key.sign(SUMS, SIGNED_BEFORE_RENEWAL)
    const keys = await readTrustedKeys(key.armoredPublic, 'the releases-signing-key')
    const edited = Buffer.from(SUMS)
    edited[5] = 'f'.charCodeAt(0)
    await expect(verifyDetachedSignature(edited, signature, keys, 'SHA256SUMS')).rejects.toThrow(
      /Signed digest did not match/
    )
  })

  it('still refuse another key, renewed the same way', async () => {
    const [key, other] = await Promise.all([renewedKey(), renewedKey()])
    const signature = await other.sign(SUMS, SIGNED_BEFORE_RENEWAL)
    const keys = await readTrustedKeys(key.armoredPublic, 'the releases-signing-key')
    await expect(verifyDetachedSignature(SUMS, signature, keys, 'SHA256SUMS')).rejects.toThrow(
      `not valid for the releases-signing-key: signed by key ID ${other.fingerprint.slice(-16)}`
    )
  })
})

describe('keys that may not be used today', () => {
  it('refuses a key revoked after it signed, naming it', async () => {
    const key = await revokedKey()
    const signature = await key.sign(SUMS, SIGNED_BEFORE_RENEWAL)
    const keys = await readTrustedKeys(key.armoredPublic, 'the releases-signing-key')
    await expect(verifyDetachedSignature(SUMS, signature, keys, 'SHA256SUMS')).rejects.toThrow(
      `key ${formatFingerprint(key.fingerprint)} is revoked`
    )
  })

  it('refuses a key that has expired by now, naming the date and releases-signing-key', async () => {
    const key = await expiredKey()
    // Signed while the key was valid: openpgp alone would accept it.
    const signature = await key.sign(SUMS, new Date('2022-03-01T00:00:00Z'))
    const keys = await readTrustedKeys(key.armoredPublic, "HashiCorp's release key")
    const error = await verifyDetachedSignature(SUMS, signature, keys, 'SHA256SUMS').then(
      () => undefined,
      (e: unknown) => e as Error
    )
    expect(error?.message).toContain(
      `key ${formatFingerprint(key.fingerprint)} expired on ${key.expired.toISOString().slice(0, 10)}`
    )
    expect(error?.message).toContain(
      'give the current release key in the releases-signing-key input'
    )
  })
})

describe('several trusted keys', () => {
  it('reads each armor block, so the old and the new key of a rotation are both trusted', async () => {
    const [older, newer] = await Promise.all([renewedKey(), freshKey()])
    const keys = await readTrustedKeys(
      `${older.armoredPublic}\n${newer.armoredPublic}`,
      'the releases-signing-key'
    )
    expect(keys.keys.map(fingerprintOf)).toEqual([older.fingerprint, newer.fingerprint])
    for (const key of [older, newer]) {
      const signature = await key.sign(SUMS, key === older ? SIGNED_BEFORE_RENEWAL : new Date())
      const check = await verifyDetachedSignature(SUMS, signature, keys, 'SHA256SUMS')
      expect(check.primaryFingerprint).toBe(key.fingerprint)
    }
  })

  it('names the block it cannot read', async () => {
    const key = await freshKey()
    const broken =
      '-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nnot a key\n-----END PGP PUBLIC KEY BLOCK-----'
    await expect(
      readTrustedKeys(`${key.armoredPublic}\n${broken}`, 'the releases-signing-key')
    ).rejects.toThrow(
      'Could not read the releases-signing-key (key block 2 of 2) as an OpenPGP public key'
    )
  })
})

describe('verifyDetachedSignature', () => {
  it('accepts a good signature from the trusted key and names the signer', async () => {
    const signature = await detachedSignature(SUMS, trustedKey)
    const check = await verifyDetachedSignature(SUMS, signature, trusted, 'SHA256SUMS')
    expect(check.primaryFingerprint).toBe(trustedKey.fingerprint)
    expect([
      trustedKey.fingerprint,
      ...trustedKey.privateKey.getSubkeys().map((k) => k.getFingerprint().toUpperCase())
    ]).toContain(check.signingKeyFingerprint)
  })

  it('rejects data changed after a trusted key signed it (the signature result is awaited)', async () => {
    const signature = await detachedSignature(SUMS, trustedKey)
    const edited = Buffer.from(SUMS)
    edited[0] = 'c'.charCodeAt(0)
    await expect(verifyDetachedSignature(edited, signature, trusted, 'SHA256SUMS')).rejects.toThrow(
      /The signature of SHA256SUMS is not valid for the releases-signing-key: signed by key ID [0-9A-F]{16} \(key ID [0-9A-F]{16}: Signed digest did not match\)/
    )
  })

  it('rejects a signature from an untrusted key', async () => {
    const signature = await detachedSignature(SUMS, otherKey)
    await expect(verifyDetachedSignature(SUMS, signature, trusted, 'SHA256SUMS')).rejects.toThrow(
      /not valid for the releases-signing-key: signed by key ID/
    )
  })

  it('rejects bytes that are not a signature', async () => {
    await expect(
      verifyDetachedSignature(SUMS, Buffer.from('<html>Not Found</html>'), trusted, 'SHA256SUMS')
    ).rejects.toThrow('The signature of SHA256SUMS is not an OpenPGP signature')
  })

  it('refuses to trust a private key', async () => {
    const armored = trustedKey.privateKey.armor()
    await expect(readTrustedKeys(armored, 'the releases-signing-key')).rejects.toThrow(
      'the releases-signing-key is a private key; give the public key only'
    )
  })
})

describe('SHA256SUMS', () => {
  it('parses lines, binary markers and CRLF, and ignores noise', () => {
    const sums = parseSha256Sums(
      `${'A'.repeat(64)}  one.zip\r\n${'b'.repeat(64)} *two.zip\nnot a line\n\n${'c'.repeat(63)}  short.zip\n`
    )
    expect([...sums.entries()]).toEqual([
      ['one.zip', 'a'.repeat(64)],
      ['two.zip', 'b'.repeat(64)]
    ])
  })

  it('says when the file has no line for the zip', () => {
    expect(() =>
      expectedSha256(new Map(), 'packer_1.6.6_linux_amd64.zip', 'packer_1.6.6_SHA256SUMS')
    ).toThrow(
      'packer_1.6.6_SHA256SUMS has no checksum line for packer_1.6.6_linux_amd64.zip; refusing to install it'
    )
  })
})
