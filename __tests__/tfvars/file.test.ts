import { lstat, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { applyTfvars } from '../../src/tfvars/file.js'

const AMI_A = 'ami-0123456789abcdef0'
const AMI_B = 'ami-0fedcba9876543210'

describe('applyTfvars', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tfvars-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('creates a missing file and its directories', async () => {
    const file = path.join(dir, 'envs', 'prod', 'images.auto.tfvars')
    expect(await applyTfvars({ file, values: { ami_id: AMI_A } })).toEqual({ changed: true, file })
    expect(await readFile(file, 'utf8')).toBe(`ami_id = "${AMI_A}"\n`)
  })

  it('picks the JSON writer by the .json suffix', async () => {
    const file = path.join(dir, 'images.tfvars.json')
    await applyTfvars({ file, values: { ami_ids: { 'us-east-1': AMI_A } } })
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ ami_ids: { 'us-east-1': AMI_A } })
  })

  it('does not write an unchanged file, and leaves no temporary file behind', async () => {
    const file = path.join(dir, 'terraform.tfvars')
    await writeFile(file, `# pinned\nami_id = "${AMI_A}"\n`, { mode: 0o640 })
    const before = await stat(file)
    expect(await applyTfvars({ file, values: { ami_id: AMI_A } })).toEqual({ changed: false, file })
    const after = await stat(file)
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs])

    expect((await applyTfvars({ file, values: { ami_id: AMI_B } })).changed).toBe(true)
    expect(await readFile(file, 'utf8')).toBe(`# pinned\nami_id = "${AMI_B}"\n`)
    expect((await stat(file)).mode & 0o777).toBe(0o640)
    expect(await readdir(dir)).toEqual(['terraform.tfvars'])
  })

  it('updates the file a symlink points to and keeps the link', async () => {
    const real = path.join(dir, 'shared.tfvars')
    const link = path.join(dir, 'terraform.tfvars')
    await writeFile(real, 'ami_id = "old"\n')
    await symlink(real, link)
    await applyTfvars({ file: link, values: { ami_id: AMI_A } })
    expect((await lstat(link)).isSymbolicLink()).toBe(true)
    expect(await readFile(real, 'utf8')).toBe(`ami_id = "${AMI_A}"\n`)
  })

  it('names the file when it does not parse, and leaves it as it was', async () => {
    const file = path.join(dir, 'broken.tfvars')
    await writeFile(file, 'tags = {\n  a = "b"\n')
    await expect(applyTfvars({ file, values: { ami_id: AMI_A } })).rejects.toThrow(
      `${file}: The tfvars file does not parse: line 1, column 8: "{" is never closed`
    )
    expect(await readFile(file, 'utf8')).toBe('tags = {\n  a = "b"\n')
  })
})
