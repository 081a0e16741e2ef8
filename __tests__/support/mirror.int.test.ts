/**
 * The release mirror the end-to-end tests install from serves what HashiCorp's release server
 * serves, byte for byte where it can: Packer's files, and official plugin releases in the layout
 * Packer's release getter reads. Checked here with standard tools (sha256, unzip, gpgv), not with
 * the action's own code.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { readKey, readSignature } from 'openpgp'
import { gpgv } from './keys.js'
import {
  createSigningKey,
  HOST_ARCH,
  HOST_OS,
  PLUGINS,
  pluginRelease,
  RENEWED_KEY_DATES,
  startMirror,
  type ReleaseMirror,
  type SigningKey
} from './mirror.js'

let key: SigningKey
let mirror: ReleaseMirror
const work = mkdtempSync(path.join(tmpdir(), 'pia-mirror-test-'))

beforeAll(async () => {
  key = await createSigningKey()
  mirror = await startMirror({ signWith: key, plugins: true })
})

afterAll(async () => {
  await mirror.close()
})

async function get(urlPath: string): Promise<Buffer> {
  const response = await fetch(mirror.url + urlPath)
  expect({ path: urlPath, status: response.status }).toEqual({ path: urlPath, status: 200 })
  return Buffer.from(await response.arrayBuffer())
}

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex')

/** gpgv's judgement, with only the signer's published key trusted. */
async function expectSignedBy(data: Buffer, signature: Buffer, signer: SigningKey): Promise<void> {
  const dir = mkdtempSync(path.join(work, 'gpgv-'))
  const keyring = path.join(dir, 'key.gpg')
  writeFileSync(keyring, (await readKey({ armoredKey: signer.armoredPublic })).write())
  writeFileSync(path.join(dir, 'data'), data)
  writeFileSync(path.join(dir, 'data.sig'), signature)
  expect(gpgv(keyring, path.join(dir, 'data.sig'), path.join(dir, 'data'))).toMatch(
    /Good signature/
  )
}

describe.each(Object.keys(PLUGINS) as (keyof typeof PLUGINS)[])(
  'the official %s plugin release',
  (plugin) => {
    const { product, version, source } = PLUGINS[plugin]

    it('is listed in its index.json with the fields of releases.hashicorp.com', async () => {
      const index = JSON.parse((await get(`/${product}/index.json`)).toString()) as {
        name: string
        versions: Record<string, Record<string, unknown>>
      }
      expect(index.name).toBe(product)
      const release = index.versions[version]
      expect(release).toMatchObject({
        name: product,
        version,
        shasums: `${product}_${version}_SHA256SUMS`,
        shasums_signature: `${product}_${version}_SHA256SUMS.sig`,
        shasums_signatures: [
          `${product}_${version}_SHA256SUMS.${key.fingerprint.slice(-8)}.sig`,
          `${product}_${version}_SHA256SUMS.sig`
        ]
      })
      expect(release.builds).toContainEqual({
        name: product,
        version,
        os: HOST_OS,
        arch: HOST_ARCH,
        filename: `${product}_${version}_${HOST_OS}_${HOST_ARCH}.zip`,
        url: `https://releases.hashicorp.com/${product}/${version}/${product}_${version}_${HOST_OS}_${HOST_ARCH}.zip`
      })
      expect(source).toBe(`github.com/hashicorp/${plugin}`)
    })

    it('has a signed SHA256SUMS that checksums the zip and the manifest', async () => {
      const release = pluginRelease(plugin)
      expect(release.zip).toBe(`${product}_${version}_${HOST_OS}_${HOST_ARCH}.zip`)
      const sums = await get(`${release.dir}/${release.sums}`)
      await expectSignedBy(sums, await get(`${release.dir}/${release.sums}.sig`), key)
      await expectSignedBy(
        sums,
        await get(`${release.dir}/${release.sums}.${key.fingerprint.slice(-8)}.sig`),
        key
      )
      const lines = sums.toString().trimEnd().split('\n')
      expect(lines).toContain(
        `${sha256(await get(`${release.dir}/${release.zip}`))}  ${release.zip}`
      )
      expect(lines).toContain(
        `${sha256(await get(`${release.dir}/${release.manifest}`))}  ${release.manifest}`
      )
      expect(lines).toHaveLength(19) // 18 platforms and the manifest
    })

    it('has a manifest with the protocol version the plugin itself describes', async () => {
      const release = pluginRelease(plugin)
      const manifest = JSON.parse((await get(`${release.dir}/${release.manifest}`)).toString())
      const zip = path.join(work, release.zip)
      writeFileSync(zip, await get(`${release.dir}/${release.zip}`))
      const binary = `${product}_v${version}_x${manifest.metadata.protocol_version}_${HOST_OS}_${HOST_ARCH}`
      expect({ manifest, binary }).toEqual({
        manifest: { version: '1', metadata: { protocol_version: '5.0' } },
        binary: release.binary
      })
      // The zip holds the binary under the name Packer installs it as, and the licence.
      expect(execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('\n').sort()).toEqual(
        ['', 'LICENSE.txt', binary].sort()
      )
      const dir = mkdtempSync(path.join(work, 'x-'))
      execFileSync('unzip', ['-q', zip, binary, '-d', dir])
      const described = JSON.parse(
        execFileSync(path.join(dir, binary), ['describe'], { encoding: 'utf8' })
      ) as { version: string; api_version: string }
      expect({ version: described.version, api_version: described.api_version }).toEqual({
        version,
        api_version: `x${manifest.metadata.protocol_version}`
      })
    })
  }
)

describe('a renewed signing key', () => {
  it("has HashiCorp's shape: signatures older than the only self-signatures it carries", async () => {
    const renewed = await createSigningKey({ renewed: true })
    const m = await startMirror({ signWith: renewed, plugins: ['docker'] })
    try {
      const release = pluginRelease('docker')
      const response = await fetch(`${m.url}${release.dir}/${release.sums}`)
      const data = Buffer.from(await response.arrayBuffer())
      const sigResponse = await fetch(`${m.url}${release.dir}/${release.sums}.sig`)
      const signature = await readSignature({
        binarySignature: Buffer.from(await sigResponse.arrayBuffer())
      })
      const publicKey = await readKey({ armoredKey: renewed.armoredPublic })
      const [subkey] = publicKey.subkeys
      expect({
        primaryCreated: publicKey.getCreationTime(),
        subkeyCreated: subkey.getCreationTime(),
        signingSubkey: signature.getSigningKeyIDs().map((id) => id.toHex()),
        signed: (signature.packets[0] as { created: Date }).created,
        selfSignatures: [
          ...publicKey.users.flatMap((u) => u.selfCertifications.map((s) => s.created)),
          ...publicKey.subkeys.flatMap((s) => s.bindingSignatures.map((b) => b.created))
        ]
      }).toEqual({
        primaryCreated: RENEWED_KEY_DATES.created,
        subkeyCreated: RENEWED_KEY_DATES.created,
        signingSubkey: [subkey.getKeyID().toHex()],
        signed: RENEWED_KEY_DATES.signed,
        selfSignatures: [RENEWED_KEY_DATES.renewed, RENEWED_KEY_DATES.renewed]
      })
      // GnuPG, which is what HashiCorp documents for checking its releases, accepts it.
      const keyring = path.join(work, 'renewed.gpg')
      writeFileSync(
        keyring,
        execFileSync('gpg', ['--batch', '--dearmor'], { input: renewed.armoredPublic })
      )
      const sumsFile = path.join(work, release.sums)
      writeFileSync(sumsFile, data)
      writeFileSync(`${sumsFile}.sig`, Buffer.from(signature.write()))
      const out = execFileSync(
        'gpgv',
        ['--status-fd', '1', '--keyring', keyring, `${sumsFile}.sig`, sumsFile],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }
      )
      expect(out).toMatch(new RegExp(`^\\[GNUPG:\\] VALIDSIG [0-9A-F]{40} 2023-08-18 `, 'm'))
      expect(out).toContain(renewed.fingerprint)
    } finally {
      await m.close()
    }
  })
})
