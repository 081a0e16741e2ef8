/** EC2 error codes and messages as the real service words them. */
export class Ec2Error extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400
  ) {
    super(message)
  }
}

export function missingParameter(name: string): Ec2Error {
  return new Ec2Error('MissingParameter', `The request must contain the parameter ${name}`)
}

export function invalidParameterValue(message: string): Ec2Error {
  return new Ec2Error('InvalidParameterValue', message)
}

export function invalidFilter(name: string): Ec2Error {
  return invalidParameterValue(`The filter '${name}' is invalid`)
}

const ID_PATTERNS: Record<string, { prefix: string; malformed: string }> = {
  image: { prefix: 'ami', malformed: 'InvalidAMIID.Malformed' },
  instance: { prefix: 'i', malformed: 'InvalidInstanceID.Malformed' },
  snapshot: { prefix: 'snap', malformed: 'InvalidSnapshotID.Malformed' },
  'security-group': { prefix: 'sg', malformed: 'InvalidGroupId.Malformed' },
  volume: { prefix: 'vol', malformed: 'InvalidVolumeID.Malformed' }
}

/** Rejects an id that is not `<prefix>-` and 8 or 17 hex digits, as EC2 does before any lookup. */
export function checkId(kind: keyof typeof ID_PATTERNS, id: string): void {
  const { prefix, malformed } = ID_PATTERNS[kind]
  if (!new RegExp(`^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`).test(id)) {
    throw new Ec2Error(malformed, `Invalid id: "${id}" (expecting "${prefix}-...")`)
  }
}

export function imageNotFound(ids: string[]): Ec2Error {
  return new Ec2Error('InvalidAMIID.NotFound', `The image id '[${ids.join(', ')}]' does not exist`)
}

export function instanceNotFound(ids: string[]): Ec2Error {
  return new Ec2Error(
    'InvalidInstanceID.NotFound',
    ids.length === 1
      ? `The instance ID '${ids[0]}' does not exist`
      : `The instance IDs '${ids.join(', ')}' do not exist`
  )
}

export function snapshotNotFound(id: string): Ec2Error {
  return new Ec2Error('InvalidSnapshot.NotFound', `The snapshot '${id}' does not exist.`)
}

export function groupNotFound(idOrName: string): Ec2Error {
  return new Ec2Error('InvalidGroup.NotFound', `The security group '${idOrName}' does not exist`)
}

export function keyPairNotFound(name: string): Ec2Error {
  return new Ec2Error('InvalidKeyPair.NotFound', `The key pair '${name}' does not exist`)
}
