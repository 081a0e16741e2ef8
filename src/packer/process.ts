/**
 * Runs Packer. Processes are started with argument arrays and never through a shell.
 *
 * Node's child_process is used rather than @actions/exec because cancellation needs the child:
 * Packer's parent process ignores SIGINT (it expects the terminal to signal the whole process
 * group), so the action starts Packer in a process group of its own and, on the first signal,
 * sends SIGINT to that group. Packer then cancels its builds and runs its cleanup while the
 * action keeps streaming its output, and its provisioner processes stop with it.
 */
import { spawn } from 'node:child_process'
import type { Cancellation } from '../action/cancellation.js'
import { descendants, stillRunning, stopProcesses, type ProcessInfo } from './process-tree.js'

export interface RunOptions {
  cwd: string
  env: NodeJS.ProcessEnv
  onStdout: (chunk: Buffer) => void
  onStderr: (chunk: Buffer) => void
  cancellation?: Cancellation
  /** Told when a signal is passed on to Packer. */
  onForward?: (signal: NodeJS.Signals) => void
  /** Told of processes Packer left running after a cancel, which the action then stopped. */
  onLeftovers?: (processes: ProcessInfo[]) => void
}

export interface RunResult {
  exitCode: number
  /** Set when Packer itself was ended by a signal. */
  signal?: NodeJS.Signals
  cancelled: boolean
}

/**
 * What to send Packer on the `count`th cancellation signal, or nothing. Where Packer runs in its own
 * process group, the first is SIGINT to the group, which starts Packer's cleanup; later ones (the
 * runner's SIGTERM) SIGTERM. On Windows the runner's Ctrl+C already reaches Packer, which shares the
 * console, and Node's kill would be TerminateProcess, which skips every cleanup: only a second
 * signal ends Packer there.
 */
export function signalFor(ownGroup: boolean, count: number): NodeJS.Signals | undefined {
  if (ownGroup) return count === 1 ? 'SIGINT' : 'SIGTERM'
  return count === 1 ? undefined : 'SIGTERM'
}

export function runProcess(
  binary: string,
  args: string[],
  options: RunOptions
): Promise<RunResult> {
  const group = process.platform !== 'win32'
  const child = spawn(binary, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: group,
    windowsHide: true
  })
  let cancelled = false
  const noted = new Map<string, ProcessInfo>()
  const forward = (signal: NodeJS.Signals): void => {
    if (child.exitCode !== null || child.pid === undefined) return
    for (const p of descendants(child.pid)) noted.set(`${p.pid}:${p.start}`, p)
    try {
      if (group) process.kill(-child.pid, signal)
      else child.kill(signal)
      options.onForward?.(signal)
    } catch {
      // Already gone.
    }
  }
  const unsubscribe = options.cancellation?.onSignal((_signal, count) => {
    cancelled = true
    const signal = signalFor(group, count)
    if (signal) forward(signal)
  })
  if (options.cancellation?.requested) {
    cancelled = true
    queueMicrotask(() => forward('SIGINT'))
  }
  child.stdout.on('data', options.onStdout)
  child.stderr.on('data', options.onStderr)
  return new Promise<RunResult>((resolve, reject) => {
    child.on('error', (error) => {
      unsubscribe?.()
      reject(error)
    })
    child.on('close', (code, signal) => {
      unsubscribe?.()
      resolve({ exitCode: code ?? 1, signal: signal ?? undefined, cancelled })
    })
    child.on('exit', () => {
      // After a cancel, stop what Packer's provisioners started and Packer left running.
      const left = stillRunning([...noted.values()])
      if (left.length) {
        options.onLeftovers?.(left)
        void stopProcesses(left)
      }
      // A process Packer started may hold the pipes open after Packer has exited; stop reading then.
      setTimeout(() => {
        child.stdout.destroy()
        child.stderr.destroy()
      }, 5000).unref()
    })
  })
}
