import * as core from '@actions/core'
import * as path from 'node:path'
import { Outputs } from './constants.js'
import { getErrorMessage } from './errors.js'
import { getInputs } from './inputs.js'
import { installPacker } from './installer/install.js'
import { releasePlatform } from './installer/platform.js'

/** The action's main step. The one place that fails the step. */
export async function run(): Promise<void> {
  try {
    const inputs = getInputs()
    const installation = await installPacker({
      versionSpec: inputs.packerVersion,
      releasesUrl: inputs.releasesUrl,
      signingKey: inputs.releasesSigningKey,
      platform: releasePlatform(process.platform, process.arch),
      cacheArch: process.arch
    })
    if (installation.fromCache) {
      core.info(`Packer ${installation.version} from the tool cache: ${installation.binary}`)
    }
    core.addPath(path.dirname(installation.binary))
    core.setOutput(Outputs.PackerVersion, installation.version)
    core.setOutput(Outputs.PackerPath, installation.binary)
  } catch (error) {
    core.setFailed(getErrorMessage(error))
  }
}
