import { createMessage, readKeys, readSignature, verify, type Key } from 'openpgp'
import { ActionError, getErrorMessage } from '../errors.js'

export interface TrustedKeys {
  keys: Key[]
  /** Who the keys are, for messages: "HashiCorp's release key C874 011F …" or "the releases-signing-key". */
  description: string
}

export interface SignatureCheck {
  /** Fingerprint of the key or subkey that made the signature, upper-case hex. */
  signingKeyFingerprint: string
  /** Fingerprint of the trusted primary key it belongs to. */
  primaryFingerprint: string
}

export async function readTrustedKeys(armored: string, description: string): Promise<TrustedKeys> {
  let keys: Key[]
  try {
    keys = await readKeys({ armoredKeys: armored })
  } catch (error) {
    throw new ActionError(
      `Could not read ${description} as an OpenPGP public key: ${getErrorMessage(error)}`
    )
  }
  if (keys.some((k) => k.isPrivate())) {
    throw new ActionError(`${description} is a private key; give the public key only`)
  }
  return { keys, description }
}

export function fingerprintOf(key: Key): string {
  return key.getFingerprint().toUpperCase()
}

/** Spaced like gpg prints it: `C874 011F 0AB4 0511 0D02  1055 3436 5D94 72D7 468F`. */
export function formatFingerprint(fingerprint: string): string {
  return fingerprint.toUpperCase().replace(/(.{4})(?!$)/g, '$1 ')
}

/**
 * Checks a detached OpenPGP signature over `data`. Every signature in the file is awaited: a file
 * is accepted only when at least one signature verifies against a trusted key, and rejected when
 * any signature that claims a trusted key fails. Key validity is judged at the signature's creation
 * time, as gpg does for release signatures, so a release signed before a subkey expired still checks.
 */
export async function verifyDetachedSignature(
  data: Uint8Array,
  signatureBytes: Uint8Array,
  trusted: TrustedKeys,
  what: string
): Promise<SignatureCheck> {
  let signature
  try {
    signature = await readSignature({ binarySignature: signatureBytes })
  } catch {
    try {
      signature = await readSignature({
        armoredSignature: Buffer.from(signatureBytes).toString('utf8')
      })
    } catch (error) {
      throw new ActionError(
        `The signature of ${what} is not an OpenPGP signature: ${getErrorMessage(error)}`
      )
    }
  }
  const created = signature.packets[0]?.created ?? undefined
  const message = await createMessage({ binary: data })
  let result
  try {
    result = await verify({
      message,
      signature,
      verificationKeys: trusted.keys,
      date: created ?? new Date(),
      format: 'binary'
    })
  } catch (error) {
    throw new ActionError(`Could not check the signature of ${what}: ${getErrorMessage(error)}`)
  }
  const failures: string[] = []
  for (const entry of result.signatures) {
    const keyId = entry.keyID.toHex().toUpperCase()
    try {
      await entry.verified
    } catch (error) {
      failures.push(`key ID ${keyId}: ${getErrorMessage(error)}`)
      continue
    }
    for (const key of trusted.keys) {
      const matching = key.getKeys(entry.keyID)[0]
      if (matching) {
        return {
          signingKeyFingerprint: matching.getFingerprint().toUpperCase(),
          primaryFingerprint: fingerprintOf(key)
        }
      }
    }
  }
  const signers = result.signatures.map((s) => s.keyID.toHex().toUpperCase()).join(', ') || 'nobody'
  throw new ActionError(
    `The signature of ${what} is not valid for ${trusted.description}: signed by key ID ${signers}` +
      (failures.length ? ` (${failures.join('; ')})` : '')
  )
}

/** Parses a `SHA256SUMS` file: `<64 hex>  <file name>` per line. */
export function parseSha256Sums(text: string): Map<string, string> {
  const sums = new Map<string, string>()
  for (const line of text.split(/\r?\n/)) {
    const match = /^([0-9a-fA-F]{64})\s+\*?(\S.*?)\s*$/.exec(line)
    if (match) sums.set(match[2], match[1].toLowerCase())
  }
  return sums
}

export function expectedSha256(
  sums: Map<string, string>,
  fileName: string,
  sumsName: string
): string {
  const hash = sums.get(fileName)
  if (!hash) {
    throw new ActionError(
      `${sumsName} has no checksum line for ${fileName}; refusing to install it`
    )
  }
  return hash
}
