/** Key pairs, security groups, and the network they live in: regions, zones, VPCs, subnets. */
import { Ec2Error, groupNotFound, keyPairNotFound, missingParameter } from '../errors.js'
import {
  ACCOUNT_ID,
  newId,
  newPrivateKey,
  REGIONS,
  stateAt,
  type IngressRule,
  type KeyPair,
  type Region,
  type SecurityGroup
} from '../model.js'
import { list, structs, tagSpecifications, type Params } from '../query.js'
import { applyFilters, int, tagSet, type Handler } from './common.js'

const createKeyPair: Handler = ({ region, params }) => {
  const keyName = params.KeyName
  if (!keyName) throw missingParameter('KeyName')
  if (region.keyPairs.has(keyName)) {
    throw new Ec2Error('InvalidKeyPair.Duplicate', `The keypair '${keyName}' already exists.`)
  }
  const key = newPrivateKey()
  const keyPair: KeyPair = {
    region: region.name,
    keyName,
    keyPairId: newId('key'),
    fingerprint: key.fingerprint,
    createdAt: new Date(),
    tags: Object.fromEntries(tagSpecifications(params, 'key-pair').map((t) => [t.key, t.value]))
  }
  region.keyPairs.set(keyName, keyPair)
  return {
    keyName,
    keyFingerprint: keyPair.fingerprint,
    keyMaterial: key.pem,
    keyPairId: keyPair.keyPairId,
    tagSet: tagSet(keyPair.tags)
  }
}

/** EC2 answers success for a key pair that does not exist. */
const deleteKeyPair: Handler = ({ region, params }) => {
  if (!params.KeyName && !params.KeyPairId) throw missingParameter('KeyName')
  const keyPair = [...region.keyPairs.values()].find(
    (k) => k.keyName === params.KeyName || k.keyPairId === params.KeyPairId
  )
  if (keyPair) {
    region.keyPairs.delete(keyPair.keyName)
    region.deletedKeyPairs.push({ ...keyPair, deletedAt: new Date() })
  }
  return { return: true }
}

const describeKeyPairs: Handler = ({ region, params }) => {
  let keyPairs = [...region.keyPairs.values()]
  const names = list(params, 'KeyName')
  const ids = list(params, 'KeyPairId')
  for (const name of names) if (!region.keyPairs.has(name)) throw keyPairNotFound(name)
  for (const id of ids) {
    if (!keyPairs.some((k) => k.keyPairId === id)) {
      throw new Ec2Error('InvalidKeyPair.NotFound', `The key pair ID '${id}' does not exist`)
    }
  }
  if (names.length > 0 || ids.length > 0) {
    keyPairs = keyPairs.filter((k) => names.includes(k.keyName) || ids.includes(k.keyPairId))
  }
  keyPairs = applyFilters(
    keyPairs,
    params,
    {
      'key-name': (k) => k.keyName,
      'key-pair-id': (k) => k.keyPairId,
      fingerprint: (k) => k.fingerprint
    },
    (k) => k.tags
  )
  return {
    keySet: keyPairs.map((k) => ({
      keyPairId: k.keyPairId,
      keyFingerprint: k.fingerprint,
      keyName: k.keyName,
      keyType: 'rsa',
      tagSet: tagSet(k.tags),
      createTime: k.createdAt
    }))
  }
}

function findGroup(region: Region, params: Params): SecurityGroup {
  if (params.GroupId) {
    const group = region.securityGroups.get(params.GroupId)
    if (!group) throw groupNotFound(params.GroupId)
    return group
  }
  if (params.GroupName) {
    const group = [...region.securityGroups.values()].find(
      (g) => g.groupName === params.GroupName && g.vpcId === region.vpc.vpcId
    )
    if (!group) {
      throw new Ec2Error(
        'InvalidGroup.NotFound',
        `The security group '${params.GroupName}' does not exist in default VPC '${region.vpc.vpcId}'`
      )
    }
    return group
  }
  throw missingParameter('GroupId')
}

const createSecurityGroup: Handler = ({ region, params }) => {
  const groupName = params.GroupName
  if (!groupName) throw missingParameter('GroupName')
  if (!params.GroupDescription) throw missingParameter('GroupDescription')
  const vpcId = params.VpcId || region.vpc.vpcId
  if (vpcId !== region.vpc.vpcId) {
    throw new Ec2Error('InvalidVpcID.NotFound', `The vpc ID '${vpcId}' does not exist`)
  }
  if ([...region.securityGroups.values()].some((g) => g.groupName === groupName)) {
    throw new Ec2Error(
      'InvalidGroup.Duplicate',
      `The security group '${groupName}' already exists for VPC '${vpcId}'`
    )
  }
  const group: SecurityGroup = {
    region: region.name,
    groupId: newId('sg'),
    groupName,
    description: params.GroupDescription,
    vpcId,
    ownerId: ACCOUNT_ID,
    ingress: [],
    createdAt: new Date(),
    tags: Object.fromEntries(
      tagSpecifications(params, 'security-group').map((t) => [t.key, t.value])
    )
  }
  region.securityGroups.set(group.groupId, group)
  return { return: true, groupId: group.groupId }
}

/** Refused while an instance that is not terminated still uses the group, as EC2 does. */
const deleteSecurityGroup: Handler = ({ region, params }) => {
  const group = findGroup(region, params)
  const user = [...region.instances.values()].find(
    (i) => i.securityGroupIds.includes(group.groupId) && stateAt(i.lifecycle) !== 'terminated'
  )
  if (user) {
    throw new Ec2Error('DependencyViolation', `resource ${group.groupId} has a dependent object`)
  }
  region.securityGroups.delete(group.groupId)
  region.deletedSecurityGroups.push({ ...group, deletedAt: new Date() })
  return { return: true }
}

function ingressRules(params: Params): IngressRule[] {
  const rules: IngressRule[] = []
  if (params.IpProtocol) {
    rules.push({
      ipProtocol: params.IpProtocol,
      fromPort: int(params.FromPort, 'FromPort'),
      toPort: int(params.ToPort, 'ToPort'),
      cidrIp: params.CidrIp
    })
  }
  for (const p of structs(params, 'IpPermissions')) {
    const ranges = structs(p, 'IpRanges').map((r) => r.CidrIp)
    for (const cidrIp of ranges.length > 0 ? ranges : [undefined]) {
      rules.push({
        ipProtocol: p.IpProtocol,
        fromPort: int(p.FromPort, 'FromPort'),
        toPort: int(p.ToPort, 'ToPort'),
        cidrIp
      })
    }
  }
  return rules
}

const authorizeSecurityGroupIngress: Handler = ({ region, params }) => {
  const group = findGroup(region, params)
  const rules = ingressRules(params)
  if (rules.length === 0) throw missingParameter('IpPermissions')
  for (const rule of rules) {
    if (group.ingress.some((r) => JSON.stringify(r) === JSON.stringify(rule))) {
      throw new Ec2Error(
        'InvalidPermission.Duplicate',
        `the specified rule "peer: ${rule.cidrIp}, ${rule.ipProtocol.toUpperCase()}, from port: ${rule.fromPort}, to port: ${rule.toPort}, ALLOW" already exists`
      )
    }
  }
  group.ingress.push(...rules)
  return { return: true }
}

const describeSecurityGroups: Handler = ({ region, params }) => {
  let groups = [...region.securityGroups.values()]
  const ids = list(params, 'GroupId')
  const names = list(params, 'GroupName')
  for (const id of ids) if (!region.securityGroups.has(id)) throw groupNotFound(id)
  for (const name of names) findGroup(region, { GroupName: name })
  if (ids.length > 0 || names.length > 0) {
    groups = groups.filter((g) => ids.includes(g.groupId) || names.includes(g.groupName))
  }
  groups = applyFilters(
    groups,
    params,
    {
      'group-id': (g) => g.groupId,
      'group-name': (g) => g.groupName,
      'vpc-id': (g) => g.vpcId,
      description: (g) => g.description,
      'owner-id': (g) => g.ownerId
    },
    (g) => g.tags
  )
  return {
    securityGroupInfo: groups.map((g) => ({
      ownerId: g.ownerId,
      groupId: g.groupId,
      groupName: g.groupName,
      groupDescription: g.description,
      vpcId: g.vpcId,
      ipPermissions: g.ingress.map((r) => ({
        ipProtocol: r.ipProtocol,
        fromPort: r.fromPort,
        toPort: r.toPort,
        groups: [],
        ipRanges: r.cidrIp ? [{ cidrIp: r.cidrIp }] : [],
        ipv6Ranges: [],
        prefixListIds: []
      })),
      ipPermissionsEgress: [
        {
          ipProtocol: '-1',
          groups: [],
          ipRanges: [{ cidrIp: '0.0.0.0/0' }],
          ipv6Ranges: [],
          prefixListIds: []
        }
      ],
      tagSet: tagSet(g.tags)
    }))
  }
}

const describeRegions: Handler = ({ params }) => {
  const names = list(params, 'RegionName')
  for (const name of names) {
    if (!REGIONS.includes(name)) {
      throw new Ec2Error('InvalidParameterValue', `Invalid region: ${name}`)
    }
  }
  const regions = applyFilters(names.length > 0 ? names : REGIONS, params, {
    'region-name': (r) => r,
    endpoint: (r) => `ec2.${r}.amazonaws.com`,
    'opt-in-status': () => 'opt-in-not-required'
  })
  return {
    regionInfo: regions.map((regionName) => ({
      regionName,
      regionEndpoint: `ec2.${regionName}.amazonaws.com`,
      optInStatus: 'opt-in-not-required'
    }))
  }
}

const describeAvailabilityZones: Handler = ({ region, params }) => {
  const zones = applyFilters(region.subnets, params, {
    'zone-name': (s) => s.availabilityZone,
    'region-name': () => region.name,
    state: () => 'available'
  })
  return {
    availabilityZoneInfo: zones.map((s, i) => ({
      zoneName: s.availabilityZone,
      zoneState: 'available',
      regionName: region.name,
      zoneId: `${region.name.replace(/-/g, '').slice(0, 4)}-az${i + 1}`,
      zoneType: 'availability-zone',
      messageSet: []
    }))
  }
}

const describeVpcs: Handler = ({ region, params }) => {
  const ids = list(params, 'VpcId')
  for (const id of ids) {
    if (id !== region.vpc.vpcId) {
      throw new Ec2Error('InvalidVpcID.NotFound', `The vpc ID '${id}' does not exist`)
    }
  }
  const vpcs = applyFilters([region.vpc], params, {
    'vpc-id': (v) => v.vpcId,
    'is-default': (v) => String(v.isDefault),
    'cidr-block': (v) => v.cidrBlock,
    state: () => 'available'
  })
  return {
    vpcSet: vpcs.map((v) => ({
      vpcId: v.vpcId,
      ownerId: ACCOUNT_ID,
      state: 'available',
      cidrBlock: v.cidrBlock,
      dhcpOptionsId: 'dopt-19edf471',
      instanceTenancy: 'default',
      isDefault: v.isDefault,
      tagSet: []
    }))
  }
}

const describeSubnets: Handler = ({ region, params }) => {
  const ids = list(params, 'SubnetId')
  for (const id of ids) {
    if (!region.subnets.some((s) => s.subnetId === id)) {
      throw new Ec2Error('InvalidSubnetID.NotFound', `The subnet ID '${id}' does not exist`)
    }
  }
  let subnets =
    ids.length > 0 ? region.subnets.filter((s) => ids.includes(s.subnetId)) : region.subnets
  subnets = applyFilters(subnets, params, {
    'subnet-id': (s) => s.subnetId,
    'vpc-id': (s) => s.vpcId,
    'availability-zone': (s) => s.availabilityZone,
    'default-for-az': (s) => String(s.defaultForAz),
    'cidr-block': (s) => s.cidrBlock,
    state: () => 'available'
  })
  return {
    subnetSet: subnets.map((s) => ({
      subnetId: s.subnetId,
      subnetArn: `arn:aws:ec2:${region.name}:${ACCOUNT_ID}:subnet/${s.subnetId}`,
      state: 'available',
      ownerId: ACCOUNT_ID,
      vpcId: s.vpcId,
      cidrBlock: s.cidrBlock,
      availableIpAddressCount: 4091,
      availabilityZone: s.availabilityZone,
      defaultForAz: s.defaultForAz,
      mapPublicIpOnLaunch: true,
      tagSet: []
    }))
  }
}

export const accessActions: Record<string, Handler> = {
  CreateKeyPair: createKeyPair,
  DeleteKeyPair: deleteKeyPair,
  DescribeKeyPairs: describeKeyPairs,
  CreateSecurityGroup: createSecurityGroup,
  DeleteSecurityGroup: deleteSecurityGroup,
  AuthorizeSecurityGroupIngress: authorizeSecurityGroupIngress,
  DescribeSecurityGroups: describeSecurityGroups,
  DescribeRegions: describeRegions,
  DescribeAvailabilityZones: describeAvailabilityZones,
  DescribeVpcs: describeVpcs,
  DescribeSubnets: describeSubnets
}
