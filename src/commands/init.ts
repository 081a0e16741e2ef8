/** `packer init` (`command: init`, and before validate and build), with the plugin cache. */
import { runnerTemp } from '../action/run-dir.js'
import { ActionError, getErrorMessage } from '../action/errors.js'
import { hasInit, initArgs, pluginTokenEnv } from '../packer/args.js'
import {
  installedPluginFiles,
  installedPluginsKey,
  loadCache,
  pluginDeclarations,
  pluginCacheKey,
  restorePlugins
} from '../packer/plugins.js'
import { releasePlatform } from '../installer/platform.js'
import type { InitInputs } from './template-inputs.js'
import type { TemplateRun } from './template.js'
import { capture, failure, pathContext, type PackerContext } from './packer-context.js'

/**
 * `packer init`, with the plugin directory restored from and saved to the Actions cache. Skipped,
 * with the reason in the log, where Packer has no init (before 1.7) or no template declares
 * `required_plugins`.
 */
export async function init(ctx: PackerContext<InitInputs>, pluginDir: string): Promise<void> {
  if (!hasInit(ctx.version)) {
    ctx.log.info(`Skipping packer init: Packer ${ctx.version} has no init command (it came in 1.7)`)
    return
  }
  const { blocks, requirements } = pluginDeclarations(ctx.paths)
  if (blocks.length === 0) {
    ctx.log.info('Skipping packer init: no template declares required_plugins')
    return
  }
  await ctx.log.group('packer init', async () => {
    const prefix = pluginCacheKey(process.platform, process.arch, ctx.version, blocks)
    const cache = ctx.inputs.cachePlugins ? await loadCache() : undefined
    const restored = cache ? await restorePlugins(cache, pluginDir, prefix) : undefined
    if (restored?.kind === 'unavailable') ctx.log.notice(`Plugin cache skipped: ${restored.reason}`)
    if (restored?.kind === 'hit') ctx.log.info(`Plugins restored from the cache (${restored.key})`)
    if (ctx.inputs.installOfficialPlugins) {
      const { installOfficialPlugins } = await import('../installer/install-plugins.js')
      const installed = await installOfficialPlugins({
        requirements,
        pluginDir,
        releasesUrl: ctx.installer.releasesUrl,
        signingKey: ctx.installer.releasesSigningKey,
        platform: releasePlatform(process.platform, process.arch),
        tempDir: runnerTemp(),
        // A plugin's describe runs as Packer would run it: no inputs, state or runner tokens.
        env: ctx.env,
        cancelled: () => ctx.cancellation.requested,
        onCancel: (listener) => ctx.cancellation.onSignal(listener)
      })
      for (const plugin of installed) {
        ctx.log.info(
          `${plugin.source} ${plugin.version}: ${plugin.present ? 'already installed' : 'installed from releases-url, signature and checksum verified'}`
        )
      }
    }
    const token = pluginTokenEnv(ctx.inputs.githubToken, ctx.env.GITHUB_SERVER_URL)
    if (token.skipped) ctx.log.info(token.skipped)
    const result = await capture(ctx, initArgs(ctx.paths), { ...ctx.env, ...token.env })
    if (result.exitCode !== 0)
      throw new ActionError(
        failure('packer init', result.exitCode, result.output, pathContext(ctx))
      )
    if (cache && restored?.kind !== 'unavailable') {
      // Keyed on what is installed now, so the key names the resolved versions, and a run that
      // restored exactly this set saves nothing.
      const key = installedPluginsKey(prefix, await installedPluginFiles(pluginDir))
      if (restored?.kind === 'hit' && restored.key === key) return
      try {
        await cache.saveCache([pluginDir], key)
        ctx.log.info(`Plugins saved to the cache (${key})`)
      } catch (error) {
        ctx.log.notice(`Plugin cache not saved: ${getErrorMessage(error)}`)
      }
    }
  })
}

export async function runInit({ ctx, pluginDir }: TemplateRun<InitInputs>): Promise<void> {
  await init(ctx, pluginDir)
}
