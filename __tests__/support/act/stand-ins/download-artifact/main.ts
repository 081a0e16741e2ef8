/**
 * Stand-in for actions/download-artifact v8, with the real @actions/artifact client against act's
 * artifact server and v8's choice of folders: a name, `merge-multiple`, or a pattern that matches
 * one artifact extract straight into `path`; otherwise one folder per artifact. The real one also
 * downloads from other runs with a token and checks digests; this reads the current run only.
 */
import { DefaultArtifactClient } from '@actions/artifact'
import * as core from '@actions/core'
import * as path from 'node:path'
import { globToRegExp } from '../../../../../src/action/glob.js'

async function run(): Promise<void> {
  const name = core.getInput('name')
  const pattern = core.getInput('pattern')
  const merge = core.getBooleanInput('merge-multiple')
  const target = path.resolve(process.env.GITHUB_WORKSPACE ?? '.', core.getInput('path') || '.')
  const client = new DefaultArtifactClient()
  let artifacts
  if (name) {
    const { artifact } = await client.getArtifact(name)
    artifacts = [artifact]
  } else {
    const all = (await client.listArtifacts({ latest: true })).artifacts
    const re = pattern ? globToRegExp(pattern) : undefined
    artifacts = re ? all.filter((a) => re.test(a.name)) : all
    core.info(`Found ${artifacts.length} artifact(s)${pattern ? ` matching '${pattern}'` : ''}`)
  }
  for (const artifact of artifacts) {
    const into = name || merge || artifacts.length === 1 ? target : path.join(target, artifact.name)
    await client.downloadArtifact(artifact.id, { path: into })
    core.info(`Downloaded ${artifact.name} to ${into}`)
  }
  core.setOutput('download-path', target)
}

run().catch((error: unknown) => {
  core.setFailed(error instanceof Error ? error.message : String(error))
})
