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
import { createSigningKey, detachedSignature, type SigningKey } from '../support/mirror.js'

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
      `The signature of SHA256SUMS is not valid for HashiCorp's release key: signed by key ID ${otherKey.fingerprint.slice(-16)}`
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
