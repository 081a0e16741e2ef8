// Benchmark of the machine-readable parser and build tracker (src/packer/machine-readable/), run on the
// compiled code in build/ (`npx tsc -p tsconfig.build.json` first).
//
// 1. Throughput: a generated multi-build run (see generateRun) fed as 64 KiB Buffer chunks, as a
//    child process's stdout delivers them, through MachineReadableParser into BuildTracker (what
//    the action runs): seven rounds of 64 MiB after a 32 MiB warm-up; the median round counts.
// 2. Memory: in a fresh child process, 1 GiB fed the same way, 64 KiB at a time from a 4 MiB
//    generated run repeated (never held whole); the figure is the peak RSS, sampled every 4 MiB,
//    above the RSS before parsing started.
//
// Prints one JSON line per figure (MB here means MiB) and exits 0; the runner compares with targets.
import { fork } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const MIB = 1024 * 1024
const CHUNK = 64 * 1024
const THROUGHPUT_BYTES = 256 * MIB
const MEMORY_BYTES = 1024 * MIB

const trackerModule = new URL('../build/packer/machine-readable/build-tracker.js', import.meta.url)
const parserModule = new URL('../build/packer/machine-readable/parser.js', import.meta.url)
if (!existsSync(fileURLToPath(trackerModule)) || !existsSync(fileURLToPath(parserModule))) {
  console.error(
    'build/packer/machine-readable/ is missing: run `npx tsc -p tsconfig.build.json` first'
  )
  process.exit(1)
}
const { BuildTracker } = await import(trackerModule.href)
const { MachineReadableParser } = await import(parserModule.href)

const BUILDS = [
  ['amazon-ebs.us', 'mitchellh.amazonebs'],
  ['amazon-ebs.eu', 'mitchellh.amazonebs'],
  ['azure-arm.windows', 'Azure.ResourceManagement.VMImage'],
  ['googlecompute.base', 'packer.googlecompute'],
  ['docker.app', 'packer.post-processor.docker-tag'],
  ['qemu.debian', 'transcend.qemu']
]

const esc = (v) =>
  v.replaceAll(',', '%!(PACKER_COMMA)').replaceAll('\r', '\\r').replaceAll('\n', '\\n')

/**
 * About `size` bytes of a plausible multi-build run, starting at Unix time `t0`: the builds take
 * turns, each printing a step and its provisioner output (apt-like lines), as parallel builds do.
 * About one line in five carries escapes (commas, or CR/LF in a multi-line message): more than the
 * 2–10% of lines with a comma in the real logs of the sample set, so the figure errs on the slow
 * side. Plugin log lines and ui errors are mixed in.
 */
function generateRun(size, t0) {
  // Written line by line into one Buffer: holding the lines as strings first would grow V8's
  // young generation before the measurement starts, and the memory figure with it.
  const run = Buffer.alloc(size + 64 * 1024)
  let bytes = 0
  let t = t0
  let n = 0
  const add = (line) => {
    bytes += run.write(`${line}\n`, bytes, 'utf8')
  }
  while (bytes < size) {
    const [build] = BUILDS[n % BUILDS.length]
    const pkg = `libpkg${n % 97}`
    t += n % 3 === 0 ? 1 : 0
    add(`${t},,ui,say,==> ${build}: Provisioning with shell script: /tmp/packer-shell${n}`)
    add(
      `${t},,ui,message,    ${build}: Get:${n} http://archive.ubuntu.com/ubuntu jammy-updates/main amd64 ${pkg} amd64 3.0.2-0ubuntu1.${n % 20} [1903 kB]`
    )
    add(`${t},,ui,message,    ${build}: Selecting previously unselected package ${pkg}.`)
    add(
      `${t},,ui,message,    ${build}: Preparing to unpack .../${pkg}_3.0.2-0ubuntu1_amd64.deb ...`
    )
    add(
      `${t},,ui,message,    ${build}: ${esc(`Unpacking ${pkg}:amd64 (3.0.2-0ubuntu1.${n % 20}), replacing 3.0.1, done`)}`
    )
    add(`${t},,ui,message,    ${build}: Setting up ${pkg}:amd64 (3.0.2-0ubuntu1.${n % 20}) ...`)
    add(`${t},,ui,message,    ${build}: Processing triggers for man-db (2.10.2-1) ...`)
    if (n % 3 === 0) {
      add(`${t},,ui,message,    ${build}: ${esc('progress: 45%\r\nline two, with a comma')}`)
    }
    if (n % 50 === 0) {
      add(
        `${t},,ui,error,==> ${build}: ${esc('Error deleting resource. Will retry.\nName: pkrvn, Details=[]')}`
      )
    }
    if (n % 200 === 0) add(`2026/11/22 09:00:00 [INFO] (telemetry) ending ${build}`)
    n++
  }
  for (const [build] of BUILDS) {
    add(`${t},,ui,say,Build '${build}' finished after 18 minutes 28 seconds.`)
  }
  add(`${t},,ui,say,\\n==> Builds finished. The artifacts of successful builds are:`)
  for (const [build, builderId] of BUILDS) {
    const id =
      builderId === 'mitchellh.amazonebs'
        ? 'eu-west-1:ami-04d23aca8bdd36e30,us-east-1:ami-051428cd53ad1b2dc'
        : `${build}-image-1553337479`
    add(`${t},${build},artifact-count,1`)
    add(`${t},${build},artifact,0,builder-id,${builderId}`)
    add(`${t},${build},artifact,0,id,${esc(id)}`)
    add(`${t},${build},artifact,0,string,${esc(`Artifact of ${build}:\n${id}\n`)}`)
    add(`${t},${build},artifact,0,files-count,1`)
    add(`${t},${build},artifact,0,file,0,${esc(`output/${build}.img`)}`)
    add(`${t},${build},artifact,0,end`)
    add(`${t},,ui,say,--> ${build}: ${esc(`Artifact of ${build}:\n${id}\n`)}`)
  }
  return run.subarray(0, bytes)
}

/** Feeds `total` bytes of `run`, repeated, in CHUNK-sized Buffer slices. */
function feed(parser, run, total, onChunk) {
  let fed = 0
  while (fed < total) {
    for (let pos = 0; pos < run.length && fed < total; pos += CHUNK) {
      const chunk = run.subarray(pos, Math.min(pos + CHUNK, run.length))
      parser.push(chunk)
      fed += chunk.length
      onChunk?.()
    }
  }
  return fed
}

function pipeline() {
  const tracker = new BuildTracker()
  const parser = new MachineReadableParser((line, _truncated, raw) => tracker.consume(line, raw))
  return { tracker, parser }
}

if (process.argv[2] === '--memory') {
  // Child: measure RSS growth over a 1 GiB stream.
  const run = generateRun(4 * MIB, 1795338000)
  const { tracker, parser } = pipeline()
  const before = process.memoryUsage.rss()
  let peak = before
  let chunks = 0
  feed(parser, run, MEMORY_BYTES, () => {
    if (++chunks % 64 === 0) peak = Math.max(peak, process.memoryUsage.rss())
  })
  parser.end()
  const summary = tracker.result()
  peak = Math.max(peak, process.memoryUsage.rss())
  process.send({
    growth: (peak - before) / MIB,
    builds: summary.builds.length,
    lines: parser.lines
  })
} else {
  const run = generateRun(4 * MIB, 1795338000)

  // Warm up, then measure.
  {
    const { parser } = pipeline()
    feed(parser, run, 32 * MIB)
    parser.end()
  }
  // Seven rounds of 64 MiB, each through a fresh parser and tracker; the median round is the
  // figure, as in the other benchmarks, so that one stall of a shared machine does not decide it.
  const rounds = []
  for (let round = 0; round < 7; round++) {
    const { tracker, parser } = pipeline()
    const start = process.hrtime.bigint()
    const fed = feed(parser, run, THROUGHPUT_BYTES / 4)
    parser.end()
    const summary = tracker.result()
    const seconds = Number(process.hrtime.bigint() - start) / 1e9
    if (summary.builds.length !== BUILDS.length || summary.artifacts.length !== BUILDS.length) {
      console.error(
        `unexpected result: ${summary.builds.length} builds, ${summary.artifacts.length} artifacts`
      )
      process.exit(1)
    }
    rounds.push(fed / MIB / seconds)
  }
  rounds.sort((a, b) => a - b)
  const throughput = rounds[3]

  const memory = await new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--memory'], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc']
    })
    let result
    child.on('message', (m) => (result = m))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 && result ? resolve(result) : reject(new Error(`memory run exited ${code}`))
    )
  })

  console.log(
    JSON.stringify({
      name: 'parser-throughput',
      value: Math.round(throughput * 10) / 10,
      unit: 'MB/s',
      target: '>= 200',
      rounds: rounds.map((r) => Math.round(r))
    })
  )
  console.log(
    JSON.stringify({
      name: 'parser-memory-1gb',
      value: Math.round(memory.growth * 10) / 10,
      unit: 'MB',
      target: '< 50'
    })
  )
}
