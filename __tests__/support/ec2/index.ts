/**
 * A double of the EC2 Query API on 127.0.0.1, for the real Packer amazon-ebs builder (aws-sdk-go
 * v1) and the real `@aws-sdk/client-ec2`. Requests are `Action=…&Version=…` forms (or GET queries),
 * signed with SigV4; the region comes from the signature's credential scope, and each region has
 * its own resources. Responses are EC2's XML with `requestId`; errors use EC2's `<Response><Errors>`
 * envelope and status codes.
 *
 * Tests read what happened (`calls`, `liveInstances()`, `keyPairs()`, …), seed what should already
 * exist (`seedImage`, `seedInstance`, `seedLaunchTemplate`), and inject faults (`fail`, `throttle`):
 *
 *   const ec2 = await startEc2Double({ delayMs: 200 })
 *   const old = ec2.seedImage({ region: 'eu-central-1', name: 'web-1', creationDate: '2026-01-01' })
 *   ec2.seedImage({ region: 'eu-central-1', name: 'web-2', snapshotIds: [old.blockDevices[0].snapshotId!] })
 *   ec2.seedInstance({ region: 'eu-central-1', imageId: old.imageId })
 *   ec2.fail('DeregisterImage', { code: 'RequestLimitExceeded', status: 503, times: 2 })
 *   // clients: endpoint ec2.url, any access key, the region they sign for
 *   await ec2.close()
 *
 * Transitions (pending → running, pending → available, …) are scheduled when a resource is created,
 * from the delays in force at that moment; `setDelays` changes those of resources created later.
 */
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { accessActions } from './actions/access.js'
import type { Handler } from './actions/common.js'
import { imageActions } from './actions/images.js'
import { instanceActions } from './actions/instances.js'
import { tagActions } from './actions/tags.js'
import { Ec2Error } from './errors.js'
import {
  pastLifecycle,
  stateAt,
  type Delays,
  type Image,
  type ImageState,
  type Instance,
  type InstanceState,
  type KeyPair,
  type LaunchTemplate,
  type Region,
  type SecurityGroup,
  type StateReason,
  type Snapshot,
  type SnapshotState,
  type Volume,
  type VolumeState
} from './model.js'
import type { Params } from './query.js'
import {
  World,
  type SeedImage,
  type SeedInstance,
  type SeedLaunchTemplate,
  type SeedSnapshot
} from './world.js'
import { errorXml, responseXml } from './xml.js'

export { ACCOUNT_ID, DEFAULT_DELAY_MS, REGIONS } from './model.js'
export type { Delays, Image, Instance, KeyPair, LaunchTemplate, SecurityGroup, Snapshot, Volume }

const ACTIONS: Record<string, Handler> = {
  ...imageActions,
  ...instanceActions,
  ...accessActions,
  ...tagActions
}

/** Region used when a request carries no SigV4 credential scope. */
const DEFAULT_REGION = 'us-east-1'

export interface Call {
  action: string
  region: string
  params: Params
  at: Date
  status: number
  /** EC2 error code, when the call failed. */
  errorCode?: string
  /** The client's User-Agent header (the AWS SDK names the calling product and version in it). */
  userAgent: string
}

export interface Fault {
  code: string
  message?: string
  /** HTTP status; 400 unless given (EC2 uses 500 for InternalError, 503 for throttling). */
  status?: number
  /** How many matching calls fail; 1 by default, Infinity for all. */
  times?: number
  /** Only calls for which this holds fail (and count). */
  match?: (call: { region: string; params: Params }) => boolean
  /** Perform the action, then answer with the error (a response lost on the way back). */
  afterEffect?: boolean
}

export interface ThrottleOptions {
  /** Share of calls that fail, 0 to 1. */
  rate: number
  /** Only these actions; all when omitted. */
  actions?: string[]
  /** Seed of the pseudo-random sequence, so a failing run can be repeated. */
  seed?: number
  /** What a throttled call answers; by default RequestLimitExceeded (503) or InternalError (500). */
  faults?: { code: string; message: string; status: number }[]
}

export interface Ec2DoubleOptions {
  /** Duration of every state transition, in milliseconds (default 300). */
  delayMs?: number
  delays?: Partial<Delays>
  /** Only these access key ids sign successfully; any when omitted. */
  accessKeyIds?: string[]
  throttle?: ThrottleOptions
  /** Print every call on stderr. */
  verbose?: boolean
}

export type WithState<T, S> = T & { state: S }

export interface Ec2Double {
  /** `http://127.0.0.1:<port>`: the endpoint for Packer's `custom_endpoint_ec2` and the SDK. */
  url: string
  world: World
  /** Every request in arrival order, including failed and unknown ones. */
  calls: Call[]
  callsOf(action: string, region?: string): Call[]
  /** Actions the double does not implement that a client asked for. */
  unknownActions(): Call[]
  /** Resolves with the first call (already made or still to come) that matches. */
  waitForCall(action: string, match?: (call: Call) => boolean, timeoutMs?: number): Promise<Call>
  close(): Promise<void>

  region(name: string): Region
  /** Regions that have been used so far. */
  regionNames(): string[]
  images(
    region?: string,
    options?: { includeDeregistered?: boolean }
  ): WithState<Image, ImageState>[]
  snapshots(
    region?: string,
    options?: { includeDeleted?: boolean }
  ): WithState<Snapshot, SnapshotState>[]
  instances(region?: string): WithState<Instance, InstanceState>[]
  /** Instances in any state but `terminated` (shutting-down still counts: it is still billed). */
  liveInstances(region?: string): WithState<Instance, InstanceState>[]
  /** Volumes of instances that still exist: in use, or left available by a termination. */
  volumes(region?: string): (Volume & { instanceId: string; state: VolumeState })[]
  keyPairs(region?: string): KeyPair[]
  deletedKeyPairs(region?: string): KeyPair[]
  securityGroups(region?: string): SecurityGroup[]
  deletedSecurityGroups(region?: string): SecurityGroup[]
  launchTemplates(region?: string): LaunchTemplate[]

  seedImage(seed: SeedImage): Image
  seedSnapshot(seed?: SeedSnapshot): Snapshot
  seedInstance(seed: SeedInstance): Instance
  seedLaunchTemplate(seed: SeedLaunchTemplate): LaunchTemplate

  /** Makes the next `times` calls of `action` (`*` for any) fail with the given error. */
  fail(action: string, fault: Fault): void
  /** Random faults at a rate; `undefined` stops them. */
  throttle(options: ThrottleOptions | undefined): void
  clearFaults(): void
  setDelays(delays: Partial<Delays>): void
  /**
   * Images that CreateImage and CopyImage make from now on end in state `failed` with this
   * reason instead of `available` (`undefined`: they succeed again).
   */
  failNewImages(reason: StateReason | undefined): void
}

export type { SeedImage, SeedInstance, SeedLaunchTemplate, SeedSnapshot }

interface PendingFault extends Fault {
  action: string
  remaining: number
}

const DEFAULT_THROTTLE_FAULTS = [
  { code: 'RequestLimitExceeded', message: 'Request limit exceeded.', status: 503 },
  {
    code: 'InternalError',
    message: 'An internal error has occurred. Please try again.',
    status: 500
  }
]

/** mulberry32: small, seedable, good enough to pick which calls fail. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function signingRegion(req: IncomingMessage, query: URLSearchParams): string | undefined {
  const scope =
    /Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request/.exec(
      req.headers.authorization ?? ''
    ) ??
    /^([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request$/.exec(query.get('X-Amz-Credential') ?? '')
  return scope ? scope[3] : undefined
}

function accessKeyId(req: IncomingMessage, query: URLSearchParams): string | undefined {
  const fromHeader = /Credential=([^/,\s]+)\//.exec(req.headers.authorization ?? '')
  return fromHeader?.[1] ?? query.get('X-Amz-Credential')?.split('/')[0]
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function regionsOf(world: World, region?: string): Region[] {
  return region ? [world.region(region)] : [...world.regions.values()]
}

export async function startEc2Double(options: Ec2DoubleOptions = {}): Promise<Ec2Double> {
  const world = new World(options.delays, options.delayMs)
  const calls: Call[] = []
  const waiters: { action: string; match?: (c: Call) => boolean; resolve: (c: Call) => void }[] = []
  let faults: PendingFault[] = []
  let throttling: (ThrottleOptions & { next: () => number }) | undefined

  const setThrottle = (t: ThrottleOptions | undefined): void => {
    throttling = t && { ...t, next: random(t.seed ?? 1) }
  }
  setThrottle(options.throttle)

  const record = (call: Call): void => {
    calls.push(call)
    if (options.verbose) {
      process.stderr.write(
        `[ec2-double] ${call.region} ${call.action} ${call.status}${call.errorCode ? ` ${call.errorCode}` : ''}\n`
      )
    }
    for (const w of [...waiters]) {
      if (w.action === call.action && (!w.match || w.match(call))) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve(call)
      }
    }
  }

  const pickFault = (
    action: string,
    region: string,
    params: Params
  ): { code: string; message: string; status: number; afterEffect?: boolean } | undefined => {
    const fault = faults.find(
      (f) =>
        (f.action === action || f.action === '*') &&
        f.remaining > 0 &&
        (!f.match || f.match({ region, params }))
    )
    if (fault) {
      fault.remaining--
      faults = faults.filter((f) => f.remaining > 0)
      return {
        code: fault.code,
        message: fault.message ?? `${fault.code} (injected by the test)`,
        status: fault.status ?? 400,
        afterEffect: fault.afterEffect
      }
    }
    if (throttling && (!throttling.actions || throttling.actions.includes(action))) {
      if (throttling.next() < throttling.rate) {
        const choices = throttling.faults ?? DEFAULT_THROTTLE_FAULTS
        return choices[Math.floor(throttling.next() * choices.length)]
      }
    }
    return undefined
  }

  const send = (res: ServerResponse, status: number, xml: string, requestId: string): void => {
    res.writeHead(status, {
      'Content-Type': 'text/xml;charset=UTF-8',
      'x-amzn-RequestId': requestId
    })
    res.end(xml)
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = randomUUID()
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const body = req.method === 'POST' ? await readBody(req) : ''
    const params: Params = {}
    for (const [k, v] of url.searchParams) params[k] = v
    for (const [k, v] of new URLSearchParams(body)) params[k] = v
    const action = params.Action ?? ''
    const region = signingRegion(req, url.searchParams) ?? DEFAULT_REGION
    const userAgent = req.headers['user-agent'] ?? ''
    const fail = (error: Ec2Error): void => {
      record({
        action,
        region,
        params,
        userAgent,
        at: new Date(),
        status: error.status,
        errorCode: error.code
      })
      send(res, error.status, errorXml(error.code, error.message, requestId), requestId)
    }

    const keyId = accessKeyId(req, url.searchParams)
    if (!keyId) {
      return fail(
        new Ec2Error(
          'AuthFailure',
          'AWS was not able to validate the provided access credentials',
          401
        )
      )
    }
    if (options.accessKeyIds && !options.accessKeyIds.includes(keyId)) {
      return fail(
        new Ec2Error(
          'AuthFailure',
          'AWS was not able to validate the provided access credentials',
          401
        )
      )
    }
    const handler = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined
    if (!handler) {
      process.stderr.write(
        `\n[ec2-double] UNKNOWN ACTION '${action}' in ${region}; params: ${JSON.stringify(params)}\n\n`
      )
      return fail(
        new Ec2Error('InvalidAction', `The action ${action} is not valid for this web service.`)
      )
    }
    const fault = pickFault(action, region, params)
    if (fault && !fault.afterEffect) {
      return fail(new Ec2Error(fault.code, fault.message, fault.status))
    }
    let fields
    try {
      fields = handler({ world, region: world.region(region), params })
    } catch (error) {
      if (error instanceof Ec2Error) return fail(error)
      process.stderr.write(`\n[ec2-double] ${action} threw: ${(error as Error).stack}\n\n`)
      return fail(new Ec2Error('InternalError', 'An internal error has occurred', 500))
    }
    if (fault) return fail(new Ec2Error(fault.code, fault.message, fault.status))
    record({ action, region, params, userAgent, at: new Date(), status: 200 })
    send(res, 200, responseXml(action, requestId, fields), requestId)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      process.stderr.write(`\n[ec2-double] request failed: ${String(error)}\n`)
      if (!res.headersSent) res.writeHead(500)
      res.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  const withState = <T extends { lifecycle: { state: S; at: Date }[] }, S extends string>(
    record: T
  ): WithState<T, S> => ({
    ...record,
    lifecycle: pastLifecycle(record.lifecycle),
    state: stateAt(record.lifecycle)
  })

  const double: Ec2Double = {
    url: `http://127.0.0.1:${port}`,
    world,
    calls,
    callsOf: (action, region) =>
      calls.filter((c) => c.action === action && (!region || c.region === region)),
    unknownActions: () => calls.filter((c) => c.errorCode === 'InvalidAction'),
    waitForCall(action, match, timeoutMs = 60000) {
      const done = calls.find((c) => c.action === action && (!match || match(c)))
      if (done) return Promise.resolve(done)
      return new Promise<Call>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1)
          reject(new Error(`no ${action} call within ${timeoutMs} ms`))
        }, timeoutMs)
        const waiter = {
          action,
          match,
          resolve: (c: Call) => {
            clearTimeout(timer)
            resolve(c)
          }
        }
        waiters.push(waiter)
      })
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),

    region: (name) => world.region(name),
    regionNames: () => [...world.regions.keys()],
    images: (region, opts = {}) =>
      regionsOf(world, region)
        .flatMap((r) => [...r.images.values()])
        .map((i) => withState<Image, ImageState>(i))
        .filter((i) => opts.includeDeregistered || i.state !== 'deregistered'),
    snapshots: (region, opts = {}) =>
      regionsOf(world, region)
        .flatMap((r) => [...r.snapshots.values()])
        .map((s) => withState<Snapshot, SnapshotState>(s))
        .filter((s) => opts.includeDeleted || s.state !== 'deleted'),
    instances: (region) =>
      regionsOf(world, region)
        .flatMap((r) => [...r.instances.values()])
        .map((i) => withState<Instance, InstanceState>(i)),
    liveInstances: (region) => double.instances(region).filter((i) => i.state !== 'terminated'),
    volumes: (region) =>
      regionsOf(world, region).flatMap((r) =>
        world
          .volumes(r)
          .map((v) => ({ ...v.volume, instanceId: v.instance.instanceId, state: v.state }))
      ),
    keyPairs: (region) => regionsOf(world, region).flatMap((r) => [...r.keyPairs.values()]),
    deletedKeyPairs: (region) => regionsOf(world, region).flatMap((r) => r.deletedKeyPairs),
    securityGroups: (region) =>
      regionsOf(world, region).flatMap((r) => [...r.securityGroups.values()]),
    deletedSecurityGroups: (region) =>
      regionsOf(world, region).flatMap((r) => r.deletedSecurityGroups),
    launchTemplates: (region) =>
      regionsOf(world, region).flatMap((r) => [...r.launchTemplates.values()]),

    seedImage: (seed) => world.seedImage(seed),
    seedSnapshot: (seed) => world.seedSnapshot(seed),
    seedInstance: (seed) => world.seedInstance(seed),
    seedLaunchTemplate: (seed) => world.seedLaunchTemplate(seed),

    fail(action, fault) {
      faults.push({ ...fault, action, remaining: fault.times ?? 1 })
    },
    throttle: setThrottle,
    clearFaults() {
      faults = []
      setThrottle(undefined)
    },
    setDelays(delays) {
      world.delays = { ...world.delays, ...delays }
    },
    failNewImages(reason) {
      world.imageFailure = reason
    }
  }
  return double
}
