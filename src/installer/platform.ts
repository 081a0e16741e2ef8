import { ActionError } from '../action/errors.js'

/** An operating system and architecture as HashiCorp's release files name them. */
export interface ReleasePlatform {
  os: 'linux' | 'darwin' | 'windows' | 'freebsd' | 'openbsd'
  arch: 'amd64' | 'arm64' | 'arm' | '386'
}

const OS_NAMES: Partial<Record<NodeJS.Platform, ReleasePlatform['os']>> = {
  linux: 'linux',
  darwin: 'darwin',
  win32: 'windows',
  freebsd: 'freebsd',
  openbsd: 'openbsd'
}

const ARCH_NAMES: Record<string, ReleasePlatform['arch']> = {
  x64: 'amd64',
  arm64: 'arm64',
  arm: 'arm',
  ia32: '386'
}

/** Maps Node's `process.platform` / `process.arch` to HashiCorp's names. */
export function releasePlatform(platform: string, arch: string): ReleasePlatform {
  const os = OS_NAMES[platform as NodeJS.Platform]
  const releaseArch = ARCH_NAMES[arch]
  if (!os || !releaseArch) {
    throw new ActionError(
      `Packer has no release for this runner (${platform}/${arch}); HashiCorp publishes ` +
        `${Object.values(OS_NAMES).join(', ')} on ${Object.values(ARCH_NAMES).join(', ')}`
    )
  }
  return { os, arch: releaseArch }
}

export function binaryName(platform: ReleasePlatform): string {
  return platform.os === 'windows' ? 'packer.exe' : 'packer'
}
