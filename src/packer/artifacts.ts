/**
 * Builder-specific reading of Packer artifacts. Pure functions: the ids come from each plugin's
 * artifact.go (`Id()` / `String()`), see __tests__/data/packer/README.md for the sources.
 */
import type { Artifact, ParsedArtifact } from './types.js'
import { dictionary } from '../action/dictionary.js'

/** Builder ids Packer prints in `artifact,N,builder-id,…`, mapped to the builder type they belong to. */
const BUILDER_TYPE_BY_ID: Record<string, string> = {
  'mitchellh.amazonebs': 'amazon-ebs',
  'mitchellh.amazon.ebssurrogate': 'amazon-ebssurrogate',
  'mitchellh.amazon.ebsvolume': 'amazon-ebsvolume',
  'mitchellh.amazon.instance': 'amazon-instance',
  'mitchellh.amazon.chroot': 'amazon-chroot',
  'Azure.ResourceManagement.VMImage': 'azure-arm',
  'packer.googlecompute': 'googlecompute',
  'packer.docker': 'docker',
  // The docker builder with `commit = true` reports its image under the docker-import id, and the
  // docker-tag / docker-push post-processors only accept docker artifacts.
  'packer.post-processor.docker-import': 'docker',
  'packer.post-processor.docker-tag': 'docker',
  'transcend.qemu': 'qemu',
  'mitchellh.virtualbox': 'virtualbox-iso',
  'mitchellh.vmware': 'vmware-iso',
  'mitchellh.vmware-esx': 'vmware-iso',
  'packer.file': 'file',
  'fnoeding.null': 'null'
}

/** Builders and post-processors whose artifact id is `region:ami-…[,region:ami-…]`. */
const AMAZON_AMI_IDS = new Set([
  'mitchellh.amazonebs',
  'mitchellh.amazon.ebssurrogate',
  'mitchellh.amazon.instance',
  'mitchellh.amazon.chroot',
  'packer.post-processor.amazon-import'
])
const AMAZON_AMI_TYPES = new Set([
  'amazon-ebs',
  'amazon-ebssurrogate',
  'amazon-instance',
  'amazon-chroot'
])

const AZURE_IDS = new Set(['Azure.ResourceManagement.VMImage'])
const GOOGLE_IDS = new Set(['packer.googlecompute'])
const DOCKER_IDS = new Set([
  'packer.docker',
  'packer.post-processor.docker-import',
  'packer.post-processor.docker-tag'
])
/** Builders and post-processors whose artifact is the set of files they wrote. */
const FILE_IDS = new Set([
  'transcend.qemu',
  'mitchellh.virtualbox',
  'mitchellh.vmware',
  'mitchellh.vmware-esx',
  'packer.file',
  'mitchellh.post-processor.vagrant'
])
const FILE_TYPES = new Set([
  'qemu',
  'virtualbox-iso',
  'virtualbox-ovf',
  'virtualbox-vm',
  'vmware-iso',
  'vmware-vmx',
  'file',
  'vagrant',
  'hyperv-iso',
  'hyperv-vmcx',
  'parallels-iso',
  'parallels-pvm'
])

/** Builder types recognised as the first or second segment of an HCL2 build name. */
const KNOWN_BUILDER_TYPES = new Set([
  ...Object.values(BUILDER_TYPE_BY_ID),
  ...AMAZON_AMI_TYPES,
  ...FILE_TYPES,
  'azure-chroot',
  'azure-dtl',
  'vsphere-iso',
  'vsphere-clone',
  'vsphere-supervisor',
  'proxmox-iso',
  'proxmox-clone',
  'digitalocean',
  'hcloud',
  'linode',
  'oracle-oci',
  'oracle-classic',
  'openstack',
  'alicloud-ecs',
  'tencentcloud-cvm',
  'scaleway',
  'lxc',
  'lxd',
  'tart-cli',
  'vultr',
  'yandex'
])

const TYPE_SHAPE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/

/**
 * The builder type of a build: from its name (`amazon-ebs`, `amazon-ebs.example`,
 * `my-build.amazon-ebs.example`) when the name carries it, else from the artifact's builder id
 * (legacy JSON templates may name a build anything), else ''.
 */
export function builderTypeOf(build: string, builderId: string): string {
  if (KNOWN_BUILDER_TYPES.has(build)) return build
  const segments = build.split('.')
  if (segments.length > 1) {
    const known = segments.slice(0, 2).find((s) => KNOWN_BUILDER_TYPES.has(s))
    if (known) return known
  }
  const byId = BUILDER_TYPE_BY_ID[builderId]
  if (byId) return byId
  // An HCL2 name from a plugin we do not know: `type.source` or `build.type.source`.
  if (segments.length === 2 && TYPE_SHAPE.test(segments[0])) return segments[0]
  if (segments.length >= 3 && TYPE_SHAPE.test(segments[1])) return segments[1]
  return ''
}

const REGION_AMI = /^([a-z]{2}(?:-[a-z]+)+-\d+):(ami-[0-9a-f]+)$/
const REGION_AMI_IN_TEXT = /^\s*([a-z]{2}(?:-[a-z]+)+-\d+): (ami-[0-9a-f]+)\s*$/

/** `us-east-1:ami-1,us-west-2:ami-2` → `{ 'us-east-1': 'ami-1', 'us-west-2': 'ami-2' }`; undefined unless every part is one. */
function parseAmiList(id: string): Record<string, string> | undefined {
  if (id === '') return undefined
  const amis = dictionary<string>()
  for (const part of id.split(',')) {
    const m = REGION_AMI.exec(part.trim())
    if (!m) return undefined
    amis[m[1]] = m[2]
  }
  return amis
}

/** The `region: ami-…` lines of "AMIs were created:\n…" (amazon builder's `String()`). */
function amisFromDescription(description: string): Record<string, string> {
  const amis = dictionary<string>()
  for (const line of description.split('\n')) {
    const m = REGION_AMI_IN_TEXT.exec(line)
    if (m) amis[m[1]] = m[2]
  }
  return amis
}

const AZURE_RESOURCE =
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\//i
const AZURE_MANAGED_IMAGE =
  /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Compute\/images\/([^/]+)$/i
const AZURE_GALLERY_VERSION =
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/galleries\/[^/]+\/images\/[^/]+\/versions\/[^/]+$/i

/** `Key: value` lines of the azure-arm artifact's `String()`. */
function keyValues(description: string): Map<string, string> {
  const values = new Map<string, string>()
  for (const line of description.split('\n')) {
    const colon = line.indexOf(': ')
    if (colon > 0 && !line.slice(0, colon).includes(' ')) {
      values.set(line.slice(0, colon), line.slice(colon + 2).trim())
    }
  }
  return values
}

function parseAzure(id: string, description: string): ParsedArtifact {
  const values = keyValues(description)
  const parsed: Extract<ParsedArtifact, { kind: 'azure' }> = { kind: 'azure' }
  const managedImageId = values.get('ManagedImageId') || (AZURE_MANAGED_IMAGE.test(id) ? id : '')
  if (managedImageId) {
    parsed.managedImageId = managedImageId
    const m = AZURE_MANAGED_IMAGE.exec(managedImageId)
    parsed.managedImageResourceGroup = values.get('ManagedImageResourceGroupName') || m?.[1]
    parsed.managedImageName = values.get('ManagedImageName') || m?.[2]
  }
  const gallery =
    values.get('ManagedImageSharedImageGalleryId') || (AZURE_GALLERY_VERSION.test(id) ? id : '')
  if (gallery) parsed.galleryImageVersionId = gallery
  const vhd = values.get('OSDiskUri') || (/^https?:\/\//i.test(id) ? id : '')
  if (vhd) parsed.vhdUri = vhd
  return dropUndefined(parsed)
}

const GCE_PROJECT_IN_DESCRIPTION = /^A disk image was created in the '([^']*)' project: (\S+)/
const GCE_IMAGE_PATH = /(?:^|\/)projects\/([^/]+)\/global\/images\/([^/]+)$/

function parseGoogle(id: string, description: string): ParsedArtifact {
  const path = GCE_IMAGE_PATH.exec(id)
  if (path) return { kind: 'googlecompute', image: path[2], project: path[1] }
  const described = GCE_PROJECT_IN_DESCRIPTION.exec(description)
  if (described && (id === '' || id === described[2])) {
    return { kind: 'googlecompute', image: described[2], project: described[1] }
  }
  const image = id || /^A disk image was created: (\S+)/.exec(description)?.[1] || ''
  return { kind: 'googlecompute', image }
}

const DOCKER_IMAGE_ID = /^sha256:[0-9a-f]{64}$/

function parseDocker(id: string, files: string[]): ParsedArtifact {
  if (DOCKER_IMAGE_ID.test(id)) return { kind: 'docker', imageId: id }
  // `export_path`: the docker builder's ExportArtifact has the id "Container" and one file.
  if (files.length > 0 && (id === 'Container' || id === '')) return { kind: 'files', files }
  if (id === '') return { kind: 'other' }
  return { kind: 'docker', repositoryTag: id }
}

/**
 * Reads an artifact id the way its builder wrote it. `builderId` may be '' (artifacts rebuilt from a
 * manifest carry only the builder type), in which case `builderType` decides, and the shape of the
 * id is the last resort (`region:ami-…`, an Azure resource id, `sha256:…`).
 */
export function parseArtifact(
  builderId: string,
  id: string,
  files: string[],
  description: string,
  build: string,
  builderType: string = builderTypeOf(build, builderId)
): ParsedArtifact {
  const known = builderId !== '' && builderId in BUILDER_TYPE_BY_ID
  const type = known || builderId === '' ? builderType : ''

  if (AMAZON_AMI_IDS.has(builderId) || AMAZON_AMI_TYPES.has(type)) {
    return { kind: 'amazon', amis: parseAmiList(id) ?? amisFromDescription(description) }
  }
  if (AZURE_IDS.has(builderId) || type === 'azure-arm') return parseAzure(id, description)
  if (GOOGLE_IDS.has(builderId) || type === 'googlecompute') return parseGoogle(id, description)
  if (DOCKER_IDS.has(builderId) || type === 'docker') return parseDocker(id, files)
  if (FILE_IDS.has(builderId) || FILE_TYPES.has(type)) return { kind: 'files', files }

  const amis = parseAmiList(id)
  if (amis) return { kind: 'amazon', amis }
  if (AZURE_RESOURCE.test(id)) return parseAzure(id, description)
  if (DOCKER_IMAGE_ID.test(id)) return { kind: 'docker', imageId: id }
  if (files.length > 0) return { kind: 'files', files }
  return { kind: 'other' }
}

/** An `Artifact` with its builder type and parsed id filled in. */
export function makeArtifact(
  build: string,
  builderId: string,
  id: string,
  description: string,
  files: string[],
  builderType: string = builderTypeOf(build, builderId)
): Artifact {
  return {
    build,
    builderType,
    builderId,
    id,
    description,
    files,
    parsed: parseArtifact(builderId, id, files, description, build, builderType)
  }
}

/** `{ "<build>": { "<region>": "ami-…" } }` over every Amazon artifact. */
export function amiIdsByBuild(artifacts: Artifact[]): Record<string, Record<string, string>> {
  const byBuild = dictionary<Record<string, string>>()
  for (const artifact of artifacts) {
    if (artifact.parsed.kind !== 'amazon') continue
    const amis = Object.entries(artifact.parsed.amis)
    if (amis.length === 0) continue
    const regions = (byBuild[artifact.build] ??= dictionary())
    for (const [region, ami] of amis) regions[region] = ami
  }
  return byBuild
}

/**
 * The AMI of the first Amazon artifact: the one built in the build's own region where the stream
 * said which it was (`primaryAmis`, by build), else the first region's (Packer lists regions in
 * sorted order, so with `ami_regions` that can be a copy).
 */
export function firstAmiId(
  artifacts: Artifact[],
  primaryAmis: Record<string, string> = {}
): string | undefined {
  for (const artifact of artifacts) {
    if (artifact.parsed.kind !== 'amazon') continue
    const amis = Object.values(artifact.parsed.amis)
    const primary = primaryAmis[artifact.build]
    if (primary && amis.includes(primary)) return primary
    if (amis[0]) return amis[0]
  }
  return undefined
}

export type ArtifactOutput = {
  build: string
  builderType: string
  builderId: string
  id: string
  files: string[]
} & ParsedArtifact

/** The JSON-ready value of the `artifacts` step output: identity fields plus the parsed fields flattened. */
export function artifactsOutput(artifacts: Artifact[]): ArtifactOutput[] {
  return artifacts.map((a) => ({
    build: a.build,
    builderType: a.builderType,
    builderId: a.builderId,
    id: a.id,
    files: a.files,
    ...a.parsed
  }))
}

function dropUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key]
  }
  return value
}
