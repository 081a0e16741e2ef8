/**
 * GitHub's own workflow language service (what the Actions VS Code extension runs) over every
 * workflow we ship and over action.yml: no error or warning. It is given the real files behind our
 * `uses:` references, so it also checks each call's inputs against the called reusable workflow
 * and each step's `with:` against action.yml. Seeded mistakes must each produce a diagnostic.
 *
 * The package imports JSON files without import attributes, which neither Node nor jest's ESM
 * loader accept, so it is bundled with esbuild into a temporary folder first.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { build } from 'esbuild'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parse } from 'yaml'
import {
  loadFixture,
  loadWorkflows,
  publishedName,
  readActionYml,
  ROOT,
  withMistypedDownloadPattern,
  type WorkflowFile
} from './files.js'

type Validate = typeof import('@actions/languageservice').validate
type TextDocumentStatic = typeof import('vscode-languageserver-textdocument').TextDocument
type ValidationConfig = NonNullable<Parameters<Validate>[1]>

let bundleDir: string
let validate: Validate
let TextDocument: TextDocumentStatic
let config: ValidationConfig

beforeAll(async () => {
  bundleDir = mkdtempSync(path.join(tmpdir(), 'pia-languageservice-'))
  const outfile = path.join(bundleDir, 'languageservice.mjs')
  await build({
    stdin: {
      contents: [
        "export { validate } from '@actions/languageservice'",
        "export { TextDocument } from 'vscode-languageserver-textdocument'"
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'js'
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'error',
    // Bundled CommonJS dependencies (yaml) still call require() for Node built-ins.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);"
    }
  })
  const service = (await import(pathToFileURL(outfile).href)) as {
    validate: Validate
    TextDocument: TextDocumentStatic
  }
  validate = service.validate
  TextDocument = service.TextDocument

  const { owner, major } = publishedName()
  const action = readActionYml()
  config = {
    // Our reusable workflows, by their published name or a `./` path, come from this checkout.
    fileProvider: {
      async getFileContent(ref) {
        const own =
          !('repository' in ref) ||
          (ref.owner === owner && ref.repository === 'packer-image-action' && ref.version === major)
        if (!own) throw new Error(`not a workflow of this repository: ${JSON.stringify(ref)}`)
        return { name: ref.path, content: readFileSync(path.join(ROOT, ref.path), 'utf8') }
      }
    },
    actionsMetadataProvider: {
      async fetchActionMetadata(ref) {
        if (ref.owner === owner && ref.name === 'packer-image-action' && !ref.path) {
          if (ref.ref !== major) return undefined
          return {
            name: 'packer-image-action',
            description: 'this checkout',
            inputs: action.inputs as never
          }
        }
        // Third-party actions: without their action.yml there is nothing to check inputs against,
        // and metadata without inputs tells the service to skip that check.
        return { name: `${ref.owner}/${ref.name}`, description: 'not fetched' }
      }
    }
  }
})

afterAll(() => {
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true })
})

async function diagnostics(rel: string, text: string): Promise<string[]> {
  const document = TextDocument.create(pathToFileURL(path.join(ROOT, rel)).href, 'yaml', 1, text)
  const result = await validate(document, config)
  // 1 is Error, 2 Warning; information and hints (such as cron descriptions) are not findings.
  return result
    .filter((d) => d.severity === undefined || d.severity <= 2)
    .map((d) => `${rel}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`)
}

describe('@actions/languageservice', () => {
  it.each(loadWorkflows().map((file) => [file.rel, file] as const))(
    'finds nothing in %s',
    async (_rel, file) => {
      expect(await diagnostics(file.rel, file.text)).toEqual([])
    }
  )

  it('finds nothing in action.yml', async () => {
    expect(
      await diagnostics('action.yml', readFileSync(path.join(ROOT, 'action.yml'), 'utf8'))
    ).toEqual([])
  })

  it.each([
    ['undefined-input.yml', 'Context access might be invalid: template'],
    ['typo-job-output.yml', 'Context access might be invalid: ami-idz'],
    ['unknown-action-input.yml', "Invalid action input 'tfvar-file'"],
    [
      'unknown-called-input.yml',
      'Invalid input, template is not defined in the referenced workflow.'
    ]
  ])('finds the seeded mistake in %s', async (name, message) => {
    const file: WorkflowFile = loadFixture(name)
    expect(await diagnostics(file.rel, file.text)).toEqual(
      expect.arrayContaining([expect.stringContaining(message)])
    )
  })

  it('finds nothing wrong in a merge job downloading a pattern no leg uploads (act catches it)', async () => {
    const rel = '.github/workflows/packer-build.yml'
    const text = withMistypedDownloadPattern(readFileSync(path.join(ROOT, rel), 'utf8'))
    expect(await diagnostics(rel, text)).toEqual([])
  })

  it('refuses the action at another tag than the published major', async () => {
    const text = readFileSync(path.join(ROOT, '.github/workflows/image-retention.yml'), 'utf8')
    const { owner, major } = publishedName()
    const moved = text.replace(
      `${owner}/packer-image-action@${major}`,
      `${owner}/packer-image-action@v0`
    )
    expect(moved).not.toBe(text)
    expect(await diagnostics('moved.yml', moved)).toEqual([
      expect.stringContaining(`Unable to resolve action \`${owner}/packer-image-action@v0\``)
    ])
  })

  it('sees the action inputs in action.yml that the workflows pass', () => {
    const inputs = (
      parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: object }
    ).inputs
    expect(Object.keys(inputs)).toEqual(
      expect.arrayContaining(['manifests', 'tfvars-file', 'keep', 'stage'])
    )
  })
})
