import { describe, expect, it } from '@jest/globals'
import {
  amiIdsByBuild,
  artifactsOutput,
  builderTypeOf,
  firstAmiId,
  makeArtifact,
  parseArtifact
} from '../../src/packer/artifacts.js'

// Ids and descriptions below are written the way each plugin's artifact.go formats them
// (see __tests__/data/packer/README.md); the values come from the sample logs where there is one.

describe('builderTypeOf', () => {
  it.each([
    ['amazon-ebs', 'mitchellh.amazonebs', 'amazon-ebs'],
    ['amazon-ebs.example', 'mitchellh.amazonebs', 'amazon-ebs'],
    ['wormchain_gcp.googlecompute.ubuntu', 'packer.googlecompute', 'googlecompute'],
    ['virtualbox-iso.ubu_lemp', 'mitchellh.post-processor.vagrant', 'virtualbox-iso'],
    ['null.ok', 'fnoeding.null', 'null'],
    // legacy JSON names say nothing about the builder: the builder id does
    ['debian', 'transcend.qemu', 'qemu'],
    ['greeting-1.0', 'packer.file', 'file'],
    ['ubuntu-bionic', 'packer.post-processor.docker-tag', 'docker'],
    ['eu-west-1', 'mitchellh.amazonebs', 'amazon-ebs'],
    // an HCL2 name from a plugin this table does not know
    ['hetzner-robot.base', 'example.unknown', 'hetzner-robot'],
    ['images.hetzner-robot.base', '', 'hetzner-robot'],
    ['my build', '', '']
  ])('%s with %s is %s', (build, builderId, type) => {
    expect(builderTypeOf(build, builderId)).toBe(type)
  })
})

describe('parseArtifact: Amazon', () => {
  it('reads a single-region id (amazon-ebs sample log: us-east-1: ami-051428cd53ad1b2dc)', () => {
    expect(
      parseArtifact(
        'mitchellh.amazonebs',
        'us-east-1:ami-051428cd53ad1b2dc',
        [],
        'AMIs were created:\nus-east-1: ami-051428cd53ad1b2dc\n',
        'amazon-ebs'
      )
    ).toEqual({ kind: 'amazon', amis: { 'us-east-1': 'ami-051428cd53ad1b2dc' } })
  })

  it('reads a multi-region id', () => {
    expect(
      parseArtifact(
        'mitchellh.amazonebs',
        'us-east-1:ami-1a2b,us-west-2:ami-3c4d',
        [],
        '',
        'amazon-ebs.x'
      )
    ).toEqual({ kind: 'amazon', amis: { 'us-east-1': 'ami-1a2b', 'us-west-2': 'ami-3c4d' } })
  })

  it('reads GovCloud and China regions', () => {
    const parsed = parseArtifact(
      'mitchellh.amazon.ebssurrogate',
      'cn-north-1:ami-0aa,us-gov-west-1:ami-0bb',
      [],
      '',
      'amazon-ebssurrogate'
    )
    expect(parsed).toEqual({
      kind: 'amazon',
      amis: { 'cn-north-1': 'ami-0aa', 'us-gov-west-1': 'ami-0bb' }
    })
  })

  it('falls back on the description when the id is empty', () => {
    expect(
      parseArtifact(
        'mitchellh.amazon.instance',
        '',
        [],
        'AMIs were created:\neu-west-1: ami-04d23aca8bdd36e30\nus-east-2: ami-0f00\n',
        'amazon-instance'
      )
    ).toEqual({
      kind: 'amazon',
      amis: { 'eu-west-1': 'ami-04d23aca8bdd36e30', 'us-east-2': 'ami-0f00' }
    })
  })

  it('reads the amazon-import post-processor and the chroot builder', () => {
    expect(
      parseArtifact('packer.post-processor.amazon-import', 'eu-west-1:ami-0c1', [], '', 'qemu.x')
    ).toEqual({ kind: 'amazon', amis: { 'eu-west-1': 'ami-0c1' } })
    expect(
      parseArtifact('mitchellh.amazon.chroot', 'us-east-1:ami-0c2', [], '', 'amazon-chroot')
    ).toEqual({ kind: 'amazon', amis: { 'us-east-1': 'ami-0c2' } })
  })

  it('does not take EBS volumes and snapshots (amazon-ebsvolume) for AMIs', () => {
    expect(
      parseArtifact(
        'mitchellh.amazon.ebsvolume',
        'us-east-1:snap-0123,us-east-1:vol-0456',
        [],
        'EBS Volumes were created:\n\nus-east-1:snap-0123\nus-east-1:vol-0456',
        'amazon-ebsvolume.data'
      )
    ).toEqual({ kind: 'other' })
  })

  it('recognises region:ami ids from builders it does not know', () => {
    expect(
      parseArtifact('example.ami-copy', 'ap-south-1:ami-0abc', [], '', 'amazon-ebs.x')
    ).toEqual({ kind: 'amazon', amis: { 'ap-south-1': 'ami-0abc' } })
  })
})

describe('parseArtifact: Azure', () => {
  const managedId =
    '/subscriptions/622411f9-056b-4cd2-8612-cd26091f1c5c/resourceGroups/Azuredevops/providers/Microsoft.Compute/images/WebServerImage'

  it('reads a managed image (azure-arm sample log)', () => {
    const description =
      'Azure.ResourceManagement.VMImage:\n\nOSType: Linux\nManagedImageResourceGroupName: Azuredevops\n' +
      `ManagedImageName: WebServerImage\nManagedImageId: ${managedId}\nManagedImageLocation: eastus\n`
    expect(
      parseArtifact('Azure.ResourceManagement.VMImage', managedId, [], description, 'azure-arm')
    ).toEqual({
      kind: 'azure',
      managedImageId: managedId,
      managedImageName: 'WebServerImage',
      managedImageResourceGroup: 'Azuredevops'
    })
  })

  it('reads name and resource group from the id alone (manifest entries have no description)', () => {
    const id =
      '/subscriptions/86d22e9c-bc56-49c3-a93a-0586bbb4ee79/resourceGroups/testrg/providers/Microsoft.Compute/images/customLinux-2020-05-07-723'
    expect(parseArtifact('', id, [], '', 'azure-arm', 'azure-arm')).toEqual({
      kind: 'azure',
      managedImageId: id,
      managedImageName: 'customLinux-2020-05-07-723',
      managedImageResourceGroup: 'testrg'
    })
  })

  it('reads a shared image gallery version published with a managed image', () => {
    const gallery =
      '/subscriptions/0000/resourceGroups/images-rg/providers/Microsoft.Compute/galleries/acctestgallery/images/windows-sig/versions/1.0.0'
    const description =
      'Azure.ResourceManagement.VMImage:\n\nOSType: Windows\nManagedImageResourceGroupName: images-rg\n' +
      'ManagedImageName: win\nManagedImageId: /subscriptions/0000/resourceGroups/images-rg/providers/Microsoft.Compute/images/win\n' +
      `ManagedImageLocation: westeurope\nManagedImageSharedImageGalleryId: ${gallery}\n`
    const parsed = parseArtifact(
      'Azure.ResourceManagement.VMImage',
      '/subscriptions/0000/resourceGroups/images-rg/providers/Microsoft.Compute/images/win',
      [],
      description,
      'azure-arm.win'
    )
    expect(parsed).toMatchObject({
      kind: 'azure',
      managedImageName: 'win',
      galleryImageVersionId: gallery
    })
  })

  it('reads a gallery-only build, whose id is the gallery image version', () => {
    const gallery =
      '/subscriptions/0000/resourceGroups/images-rg/providers/Microsoft.Compute/galleries/g1/images/ubuntu/versions/2024.1.15'
    expect(
      parseArtifact(
        'Azure.ResourceManagement.VMImage',
        gallery,
        [],
        `Azure.ResourceManagement.VMImage:\n\nOSType: Linux\nManagedImageSharedImageGalleryId: ${gallery}\n`,
        'azure-arm.sig'
      )
    ).toEqual({ kind: 'azure', galleryImageVersionId: gallery })
  })

  it('reads a VHD build, whose id is the OS disk URI', () => {
    const vhd =
      'https://packerstore.blob.core.windows.net/system/Microsoft.Compute/Images/images/packer-osDisk.4085bb15-3644-4641-b9cd-f575918640b4.vhd'
    expect(
      parseArtifact(
        'Azure.ResourceManagement.VMImage',
        vhd,
        [],
        `Azure.ResourceManagement.VMImage:\n\nOSType: Linux\nStorageAccountLocation: westus\nOSDiskUri: ${vhd}\n`,
        'azure-arm'
      )
    ).toEqual({ kind: 'azure', vhdUri: vhd })
  })
})

describe('parseArtifact: Google Compute', () => {
  it('reads the image name (googlecompute sample log: reddit-base-1553337479)', () => {
    expect(
      parseArtifact(
        'packer.googlecompute',
        'reddit-base-1553337479',
        [],
        'A disk image was created: reddit-base-1553337479',
        'googlecompute'
      )
    ).toEqual({ kind: 'googlecompute', image: 'reddit-base-1553337479' })
  })

  it('takes the project from the newer description', () => {
    expect(
      parseArtifact(
        'packer.googlecompute',
        'packer-image-240911',
        [],
        "A disk image was created in the 'gcp-in-ca' project: packer-image-240911",
        'googlecompute.example'
      )
    ).toEqual({ kind: 'googlecompute', image: 'packer-image-240911', project: 'gcp-in-ca' })
  })

  it('reads a projects/<p>/global/images/<name> id', () => {
    expect(
      parseArtifact(
        'packer.googlecompute',
        'projects/my-proj/global/images/base-1',
        [],
        '',
        'googlecompute.x'
      )
    ).toEqual({ kind: 'googlecompute', image: 'base-1', project: 'my-proj' })
  })
})

describe('parseArtifact: Docker', () => {
  const sha = 'sha256:c3f6ca26f71cec20902b0c747e0a4ba49d32498e879a05760c44809a3f4c3e0c'

  it('reads the committed image id (docker builder with commit = true)', () => {
    expect(
      parseArtifact(
        'packer.post-processor.docker-import',
        sha,
        [],
        `Imported Docker image: ${sha}`,
        'docker'
      )
    ).toEqual({ kind: 'docker', imageId: sha })
  })

  it('reads repository:tag from docker-tag', () => {
    expect(
      parseArtifact(
        'packer.post-processor.docker-tag',
        'setevoy/ubuntu_nginx:1.0',
        [],
        'Imported Docker image: setevoy/ubuntu_nginx:1.0',
        'docker'
      )
    ).toEqual({ kind: 'docker', repositoryTag: 'setevoy/ubuntu_nginx:1.0' })
  })

  it('reads an exported container as a file', () => {
    expect(
      parseArtifact(
        'packer.docker',
        'Container',
        ['image.tar'],
        'Exported Docker file: image.tar',
        'docker.x'
      )
    ).toEqual({ kind: 'files', files: ['image.tar'] })
  })
})

describe('parseArtifact: files and the rest', () => {
  it.each([
    ['transcend.qemu', 'VM', ['output/debian-10.5.0-1.qcow2'], 'debian'],
    ['mitchellh.virtualbox', 'VM', ['out/box-disk001.vmdk', 'out/box.ovf'], 'virtualbox-iso.x'],
    ['mitchellh.vmware', 'VM', ['out/x.vmx'], 'vmware-iso.x'],
    ['packer.file', 'File', ['out/greeting.txt'], 'file.greeting'],
    [
      'mitchellh.post-processor.vagrant',
      'virtualbox',
      ['./builds/virtualbox-ubuntu2004.box'],
      'virtualbox-iso.ubu_lemp'
    ]
  ])('%s gives its files', (builderId, id, files, build) => {
    expect(parseArtifact(builderId, id, files, '', build)).toEqual({ kind: 'files', files })
  })

  it('gives nothing for the null builder', () => {
    expect(
      parseArtifact(
        'fnoeding.null',
        'Null',
        [],
        'Did not export anything. This is the null builder',
        'null.ok'
      )
    ).toEqual({ kind: 'other' })
  })

  it('gives the files of an unknown builder that wrote some, else nothing', () => {
    expect(parseArtifact('example.thing', 'x', ['a.img'], '', 'thing.a')).toEqual({
      kind: 'files',
      files: ['a.img']
    })
    expect(parseArtifact('jetbrains.vsphere', 'RHEL93-Template-Base', [], '', 'rhel9')).toEqual({
      kind: 'other'
    })
  })

  it('does not read a known family into an unknown post-processor on that build', () => {
    // e.g. a compress post-processor after amazon-ebs: its artifact is a file, not an AMI
    expect(
      parseArtifact(
        'packer.post-processor.compress',
        'out.tar.gz',
        ['out.tar.gz'],
        '',
        'amazon-ebs.x'
      )
    ).toEqual({ kind: 'files', files: ['out.tar.gz'] })
  })
})

describe('outputs', () => {
  const artifacts = [
    makeArtifact('docker', 'packer.post-processor.docker-tag', 'setevoy/ubuntu_nginx:1.0', '', []),
    makeArtifact(
      'amazon-ebs.east',
      'mitchellh.amazonebs',
      'us-east-1:ami-0e1,us-west-2:ami-0f2',
      '',
      []
    ),
    makeArtifact('amazon-ebs.eu', 'mitchellh.amazonebs', 'eu-west-1:ami-fa43559c', '', []),
    makeArtifact('file.greeting', 'packer.file', 'File', '', ['out/greeting.txt'])
  ]

  it('amiIdsByBuild maps every Amazon build to its regions', () => {
    expect(amiIdsByBuild(artifacts)).toEqual({
      'amazon-ebs.east': { 'us-east-1': 'ami-0e1', 'us-west-2': 'ami-0f2' },
      'amazon-ebs.eu': { 'eu-west-1': 'ami-fa43559c' }
    })
  })

  it('amiIdsByBuild merges two Amazon artifacts of one build', () => {
    const twice = [
      makeArtifact('amazon-ebs.a', 'mitchellh.amazonebs', 'us-east-1:ami-01', '', []),
      makeArtifact(
        'amazon-ebs.a',
        'packer.post-processor.amazon-import',
        'us-east-2:ami-02',
        '',
        []
      )
    ]
    expect(amiIdsByBuild(twice)).toEqual({
      'amazon-ebs.a': { 'us-east-1': 'ami-01', 'us-east-2': 'ami-02' }
    })
  })

  it('firstAmiId is the first region of the first Amazon artifact', () => {
    expect(firstAmiId(artifacts)).toBe('ami-0e1')
    expect(firstAmiId(artifacts.slice(3))).toBeUndefined()
  })

  it('firstAmiId prefers the AMI the stream named as built in the build region', () => {
    expect(firstAmiId(artifacts, { 'amazon-ebs.east': 'ami-0f2' })).toBe('ami-0f2')
    // A named AMI that is not in the artifact (a failed copy, another build) changes nothing.
    expect(firstAmiId(artifacts, { 'amazon-ebs.east': 'ami-0ff' })).toBe('ami-0e1')
  })

  it('artifactsOutput flattens the parsed fields next to the identity fields', () => {
    expect(JSON.parse(JSON.stringify(artifactsOutput(artifacts.slice(0, 2))))).toEqual([
      {
        build: 'docker',
        builderType: 'docker',
        builderId: 'packer.post-processor.docker-tag',
        id: 'setevoy/ubuntu_nginx:1.0',
        files: [],
        kind: 'docker',
        repositoryTag: 'setevoy/ubuntu_nginx:1.0'
      },
      {
        build: 'amazon-ebs.east',
        builderType: 'amazon-ebs',
        builderId: 'mitchellh.amazonebs',
        id: 'us-east-1:ami-0e1,us-west-2:ami-0f2',
        files: [],
        kind: 'amazon',
        amis: { 'us-east-1': 'ami-0e1', 'us-west-2': 'ami-0f2' }
      }
    ])
  })
})
