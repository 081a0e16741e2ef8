/**
 * A real OpenSSH server (Debian's openssh-server) on 127.0.0.1, standing in for the test
 * instance's SSH: the image-test workflow's harness authorizes the job's key in `authorizedKeys`
 * when it "launches" the instance and removes it when it destroys it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import * as path from 'node:path'
import { freePort, portTaken } from './index.js'

export const SSHD = '/usr/sbin/sshd'

export interface LocalSshd {
  port: number
  user: string
  authorizedKeys: string
  /** What sshd logged (-e): accepted keys and sessions. */
  log(): string
  close(): Promise<void>
}

/**
 * Starts sshd on a free port. sshd says "Server listening" once it holds its port; if another
 * process took the port first, sshd stops, and it is started again on another port.
 */
export async function startSshd(pickPort = freePort): Promise<LocalSshd> {
  for (let attempt = 1; ; attempt++) {
    const port = await pickPort()
    try {
      return await startSshdOn(port)
    } catch (error) {
      if (!(error instanceof SshdStopped && portTaken(error.log, port)) || attempt === 3)
        throw error
    }
  }
}

class SshdStopped extends Error {
  constructor(readonly log: string) {
    super(`sshd stopped: ${log}`)
  }
}

async function startSshdOn(port: number): Promise<LocalSshd> {
  if (!existsSync(SSHD)) throw new Error(`${SSHD} is missing: install Debian's openssh-server`)
  const dir = mkdtempSync(path.join(tmpdir(), 'pia-sshd-'))
  const hostKey = path.join(dir, 'host_ed25519')
  spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', hostKey])
  const authorizedKeys = path.join(dir, 'authorized_keys')
  writeFileSync(authorizedKeys, '', { mode: 0o600 })
  const config = path.join(dir, 'sshd_config')
  writeFileSync(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${hostKey}`,
      `AuthorizedKeysFile ${authorizedKeys}`,
      `PidFile ${path.join(dir, 'sshd.pid')}`,
      'StrictModes no',
      'UsePAM no',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      'Subsystem sftp internal-sftp',
      'LogLevel VERBOSE',
      ''
    ].join('\n')
  )
  // The privilege-separation folder sshd insists on when it runs as root.
  if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 })
  const child: ChildProcess = spawn(SSHD, ['-D', '-e', '-f', config], {
    stdio: ['ignore', 'ignore', 'pipe']
  })
  let log = ''
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()))
  for (let i = 0; !log.includes(`Server listening on 127.0.0.1 port ${port}`); i++) {
    if (child.exitCode !== null) throw new SshdStopped(log)
    if (i === 100) {
      child.kill('SIGKILL')
      throw new Error(`sshd did not listen on 127.0.0.1:${port} within 5 s: ${log}`)
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  return {
    port,
    user: userInfo().username,
    authorizedKeys,
    log: () => log,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      })
  }
}
