/**
 * The processes under a process, read from /proc (Linux). Packer does not always stop what its
 * provisioners started when a build is cancelled (a shell-local script's `sleep` runs on), so the
 * action takes note of Packer's descendants when it cancels and stops any that outlive Packer.
 */
import { readdirSync, readFileSync } from 'node:fs'

export interface ProcessInfo {
  pid: number
  ppid: number
  /** Start time in clock ticks since boot: with the pid, it names one process even if the pid is reused. */
  start: string
  command: string
}

/** Parses /proc/<pid>/stat; the command may itself contain spaces and parentheses. */
function parseStat(text: string): ProcessInfo | undefined {
  const open = text.indexOf('(')
  const close = text.lastIndexOf(')')
  if (open < 0 || close < open) return undefined
  const fields = text.slice(close + 2).split(' ')
  return {
    pid: Number(text.slice(0, open).trim()),
    command: text.slice(open + 1, close),
    ppid: Number(fields[1]),
    start: fields[19] ?? ''
  }
}

function readProcesses(): ProcessInfo[] {
  let entries: string[]
  try {
    entries = readdirSync('/proc')
  } catch {
    return []
  }
  const list: ProcessInfo[] = []
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const info = parseStat(readFileSync(`/proc/${entry}/stat`, 'utf8'))
      if (info) list.push(info)
    } catch {
      // Gone meanwhile.
    }
  }
  return list
}

/** Every descendant of `root` (not `root` itself). */
export function descendants(
  root: number,
  processes: ProcessInfo[] = readProcesses()
): ProcessInfo[] {
  const children = new Map<number, ProcessInfo[]>()
  for (const p of processes) {
    const list = children.get(p.ppid) ?? []
    list.push(p)
    children.set(p.ppid, list)
  }
  const found: ProcessInfo[] = []
  const queue = [root]
  while (queue.length) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child)
      queue.push(child.pid)
    }
  }
  return found
}

/** Those of `noted` that still run (same pid and start time). */
export function stillRunning(
  noted: ProcessInfo[],
  processes: ProcessInfo[] = readProcesses()
): ProcessInfo[] {
  const now = new Map(processes.map((p) => [p.pid, p]))
  return noted.filter((p) => now.get(p.pid)?.start === p.start)
}

/** Ends the given processes: SIGTERM, then SIGKILL for any still there after `graceMs`. */
export async function stopProcesses(list: ProcessInfo[], graceMs = 1000): Promise<ProcessInfo[]> {
  const signal = (sig: NodeJS.Signals, targets: ProcessInfo[]): void => {
    for (const p of targets) {
      try {
        process.kill(p.pid, sig)
      } catch {
        // Already gone.
      }
    }
  }
  signal('SIGTERM', list)
  await new Promise((resolve) => setTimeout(resolve, graceMs))
  signal('SIGKILL', stillRunning(list))
  return list
}
