import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import {
  findingsFromDiagnostics,
  parseDiagnostics,
  parseFmtCheck,
  toAnnotationProperties,
  workspacePath
} from '../../src/packer/diagnostics.js'

const REPO = path.resolve(import.meta.dirname, '../..')
const DATA = path.join(REPO, '__tests__/data/diagnostics')
const DATA_REL = '__tests__/data/diagnostics'
/** The captures in packer-1.6.6/ and packer-1.9.4/ were taken with DATA as Packer's working directory. */
const CAPTURED = { workspace: REPO, workingDirectory: DATA }

const fixture = (name: string): string => readFileSync(path.join(DATA, name), 'utf8')
const lineOf = (file: string, line: number): string =>
  readFileSync(path.join(REPO, file), 'utf8').split('\n')[line - 1]

describe('parseDiagnostics on shared samples', () => {
  it('maps the three Unsupported argument errors to lines 71, 72 and 73, skipping make noise', () => {
    const findings = parseDiagnostics(fixture('error-validate-unsupported-argument-x3-issue.txt'))
    expect(findings).toEqual([
      {
        severity: 'error',
        title: 'Unsupported argument',
        message: 'An argument named "efi_firmware_code" is not expected here.',
        file: './templates/ubuntu.pkr.hcl',
        line: 71
      },
      {
        severity: 'error',
        title: 'Unsupported argument',
        message: 'An argument named "efi_firmware_vars" is not expected here.',
        file: './templates/ubuntu.pkr.hcl',
        line: 72
      },
      {
        severity: 'error',
        title: 'Unsupported argument',
        message: 'An argument named "efi_boot" is not expected here.',
        file: './templates/ubuntu.pkr.hcl',
        line: 73
      }
    ])
  })

  it('points the three errors at the lines of the template the issue was raised against', () => {
    const findings = findingsFromDiagnostics(
      fixture('error-validate-unsupported-argument-x3-issue.txt'),
      { workspace: '/home/runner/work/repo/repo', workingDirectory: '/home/runner/work/repo/repo' }
    )
    expect(findings.map((f) => [f.file, f.line])).toEqual([
      ['templates/ubuntu.pkr.hcl', 71],
      ['templates/ubuntu.pkr.hcl', 72],
      ['templates/ubuntu.pkr.hcl', 73]
    ])
    const template = fixture('template-hcl2-qemu-uefi-paired-validate-error.pkr.hcl').split('\n')
    expect(template[70]).toMatch(/^\s*efi_firmware_code\s*=/)
    expect(template[71]).toMatch(/^\s*efi_firmware_vars\s*=/)
    expect(template[72]).toMatch(/^\s*efi_boot\s*=/)
  })

  it('reads the location and the wrapped detail of Attribute redefined after a shell prompt', () => {
    expect(parseDiagnostics(fixture('error-validate-attribute-redefined.txt'))).toEqual([
      {
        severity: 'error',
        title: 'Attribute redefined',
        message:
          'The argument "ssh_username" was already set at build.pkr.hcl:9,5-17. Each argument may be set only once.',
        file: 'build.pkr.hcl',
        line: 30
      }
    ])
  })

  it('rewrites the path of a range quoted in the detail like the location', () => {
    const [finding] = findingsFromDiagnostics(fixture('error-validate-attribute-redefined.txt'), {
      workspace: '/ws',
      workingDirectory: '/ws/packer/aws'
    })
    expect(finding.file).toBe('packer/aws/build.pkr.hcl')
    expect(finding.line).toBe(30)
    expect(finding.message).toContain('already set at packer/aws/build.pkr.hcl:9,5-17. Each')
  })

  it('gives a diagnostic without location no file and no line', () => {
    expect(parseDiagnostics(fixture('error-validate-unset-variable.txt'))).toEqual([
      {
        severity: 'error',
        title: 'Unset variable "release"',
        message:
          'A used variable must be set or have a default value; see https://packer.io/docs/templates/hcl_templates/syntax for details.'
      }
    ])
  })

  it('keeps the paragraphs of the plugin-not-installed error', () => {
    expect(parseDiagnostics(fixture('error-build-plugin-not-installed.txt'))).toEqual([
      {
        severity: 'error',
        title: 'Failed to initialize build "amazon-ebs"',
        message:
          'The builder amazon-ebs is unknown by Packer, and is likely part of a plugin that is not ' +
          'installed. You may find the needed plugin along with installation instructions ' +
          'documented on the Packer integrations page.\n\n' +
          'https://developer.hashicorp.com/packer/integrations?filter=amazon'
      }
    ])
  })

  it('unescapes a machine-readable ui,error line and drops the empty location', () => {
    expect(parseDiagnostics(fixture('mr-hcl2-ui-error-diagnostic-issue11402.txt'))).toEqual([
      {
        severity: 'error',
        title: 'Unknown source amazon-ebs.labs_webserver_ami',
        message: 'Known: []'
      }
    ])
  })

  it('reads the same finding from the unescaped message the stream parser hands over', () => {
    const message =
      'Error: Unknown source amazon-ebs.labs_webserver_ami\n\n  on  line 0:\n  (source code not available)\n\nKnown: []\n\n'
    expect(parseDiagnostics(message)).toEqual(
      parseDiagnostics(fixture('mr-hcl2-ui-error-diagnostic-issue11402.txt'))
    )
  })

  it('finds the one warning at the top of a 50 KB build log with ANSI codes and NUL bytes', () => {
    expect(parseDiagnostics(fixture('human-amazon-ebs-warning-diag-ctrlchars.log'))).toEqual([
      {
        severity: 'warning',
        title: 'Warning when preparing build: "amazon-ebs"',
        message:
          'spot_price_auto_product is deprecated and no longer necessary for Packer builds. In ' +
          'future versions of Packer, inclusion of spot_price_auto_product will error your ' +
          'builds. Please take a look at our current documentation to understand how Packer ' +
          'requests Spot instances.'
      }
    ])
  })

  it('finds nothing in a failed build log: build errors are not diagnostics', () => {
    expect(parseDiagnostics(fixture('human-hcl2-amazon-ebs-build-errored.txt'))).toEqual([])
  })
})

describe('findingsFromDiagnostics on Packer 1.6.6 captures', () => {
  const T = `${DATA_REL}/packer-1.6.6/templates`

  it('Unsupported argument (validate and build print the same block)', () => {
    const expected = [
      {
        severity: 'error',
        title: 'Unsupported argument',
        message:
          'An argument named "ssh_usernme" is not expected here. Did you mean "ssh_username"?',
        file: `${T}/unsupported-argument/build.pkr.hcl`,
        line: 3
      }
    ]
    for (const name of ['validate-unsupported-argument.txt', 'build-unsupported-argument.txt']) {
      expect(findingsFromDiagnostics(fixture(`packer-1.6.6/${name}`), CAPTURED)).toEqual(expected)
    }
    expect(lineOf(expected[0].file, 3)).toContain('ssh_usernme')
  })

  it('three errors of an unset variable, one without location, in human and machine-readable form', () => {
    const expected = [
      {
        severity: 'error',
        title: 'Unset variable "release"',
        message:
          'A used variable must be set or have a default value; see https://packer.io/docs/configuration/from-1.5/syntax for details.'
      },
      {
        severity: 'error',
        title: 'Variables not allowed',
        message: 'Variables may not be used here.',
        file: `${T}/unset-variable/build.pkr.hcl`,
        line: 10
      },
      {
        severity: 'error',
        title: 'Unsuitable value type',
        message: 'Unsuitable value: value must be known',
        file: `${T}/unset-variable/build.pkr.hcl`,
        line: 10
      }
    ]
    expect(
      findingsFromDiagnostics(fixture('packer-1.6.6/validate-unset-variable.txt'), CAPTURED)
    ).toEqual(expected)
    expect(
      findingsFromDiagnostics(fixture('packer-1.6.6/mr-build-unset-variable.txt'), CAPTURED)
    ).toEqual(expected)
    expect(lineOf(`${T}/unset-variable/build.pkr.hcl`, 10)).toContain('var.release')
  })

  it('Attribute redefined, with the range wrapped onto its own line, in both forms', () => {
    const file = `${T}/attribute-redefined/build.pkr.hcl`
    const expected = [
      {
        severity: 'error',
        title: 'Attribute redefined',
        message: `The argument "communicator" was already set at ${file}:2,3-15. Each argument may be set only once.`,
        file,
        line: 3
      }
    ]
    for (const name of [
      'validate-attribute-redefined.txt',
      'mr-validate-attribute-redefined.txt'
    ]) {
      expect(findingsFromDiagnostics(fixture(`packer-1.6.6/${name}`), CAPTURED)).toEqual(expected)
    }
    expect(lineOf(file, 3)).toContain('communicator = "ssh"')
    expect(lineOf(file, 2).slice(2, 14)).toBe('communicator') // columns 3-15
  })

  it('a syntax error whose location has no source line', () => {
    expect(
      findingsFromDiagnostics(fixture('packer-1.6.6/validate-syntax-error.txt'), CAPTURED)
    ).toEqual([
      {
        severity: 'error',
        title: 'Argument or block definition required',
        message: 'An argument or block definition is required here.',
        file: `${T}/syntax-error/build.pkr.hcl`,
        line: 7
      }
    ])
  })

  it('a warning from a successful validate', () => {
    expect(
      findingsFromDiagnostics(
        fixture('packer-1.6.6/validate-undefined-variable-warning.txt'),
        CAPTURED
      )
    ).toEqual([
      {
        severity: 'warning',
        title: 'Undefined variable',
        message:
          'A "undeclared" variable was set but was not found in known variables. To declare ' +
          'variable "undeclared", place this block in one of your .pkr files, such as variables.pkr.hcl'
      }
    ])
  })

  it('the real qemu template: lines 71 to 73 of the copied template', () => {
    const findings = findingsFromDiagnostics(
      fixture('packer-1.6.6/validate-qemu-efi-unsupported-x3.txt'),
      CAPTURED
    )
    const file = `${DATA_REL}/template-hcl2-qemu-uefi-paired-validate-error.pkr.hcl`
    expect(findings.map((f) => [f.file, f.line, f.message])).toEqual([
      [file, 71, 'An argument named "efi_firmware_code" is not expected here.'],
      [file, 72, 'An argument named "efi_firmware_vars" is not expected here.'],
      [file, 73, 'An argument named "efi_boot" is not expected here.']
    ])
    expect(lineOf(file, 71)).toContain('efi_firmware_code')
    expect(lineOf(file, 73)).toContain('efi_boot')
  })

  describe('JSON templates', () => {
    const json = (
      name: string
    ): { template: string; workspace: string; workingDirectory: string } => ({
      ...CAPTURED,
      template: `packer-1.6.6/templates/${name}/template.json`
    })

    it('one finding per bullet of a multi-error, pinned to the template', () => {
      expect(
        findingsFromDiagnostics(
          fixture('packer-1.6.6/validate-json-unknown-key.txt'),
          json('json-unknown-key')
        )
      ).toEqual([
        {
          severity: 'error',
          title: 'Failed to prepare build: "x"',
          message: `unknown configuration key: '"ssh_usernme"'`,
          file: `${T}/json-unknown-key/template.json`
        }
      ])
      expect(
        findingsFromDiagnostics(
          fixture('packer-1.6.6/validate-json-provisioner.txt'),
          json('json-provisioner')
        )
      ).toEqual([
        {
          severity: 'error',
          title: 'Failed to prepare build: "x"',
          message: 'Either a script file or inline script must be specified.',
          file: `${T}/json-provisioner/template.json`
        }
      ])
    })

    it('an error with an empty summary', () => {
      expect(parseDiagnostics(fixture('packer-1.6.6/validate-json-required-variable.txt'))).toEqual(
        [{ severity: 'error', message: 'required variable not set: release' }]
      )
    })

    it('a JSON syntax error at its line and column', () => {
      const findings = findingsFromDiagnostics(
        fixture('packer-1.6.6/validate-json-syntax.txt'),
        json('json-syntax')
      )
      expect(findings).toEqual([
        {
          severity: 'error',
          title: 'Failed to parse template',
          message: `Error parsing JSON: invalid character '}' looking for beginning of object key string`,
          file: `${T}/json-syntax/template.json`,
          line: 6,
          column: 5
        }
      ])
      expect(lineOf(findings[0].file!, 6)[4]).toBe('}')
    })

    it('a JSON syntax error without a known template keeps no line', () => {
      expect(
        findingsFromDiagnostics(fixture('packer-1.6.6/validate-json-syntax.txt'), CAPTURED)[0]
      ).toEqual({
        severity: 'error',
        title: 'Failed to parse template',
        message: `Error parsing JSON: invalid character '}' looking for beginning of object key string`
      })
    })

    it('an unknown root key and an unknown builder', () => {
      expect(parseDiagnostics(fixture('packer-1.6.6/validate-json-root-key.txt'))).toEqual([
        {
          severity: 'error',
          title: 'Failed to parse template',
          message: `Unknown root level key in template: 'builderz'`
        }
      ])
      expect(parseDiagnostics(fixture('packer-1.6.6/validate-json-unknown-builder.txt'))).toEqual([
        {
          severity: 'error',
          title: 'Failed to initialize build "nope"',
          message: `error initializing builder 'nope': Unknown builder nope`
        }
      ])
    })
  })
})

describe('findingsFromDiagnostics on Packer 1.9.4 captures', () => {
  // The same templates as the 1.6.6 captures, run with the Packer 1.9.4 the end-to-end tests use.
  const T = `${DATA_REL}/packer-1.6.6/templates`
  const v194 = (name: string): string => fixture(`packer-1.9.4/${name}`)

  it('Unsupported argument, and an attribute redefined, as 1.6.6 printed them', () => {
    expect(findingsFromDiagnostics(v194('build-unsupported-argument.txt'), CAPTURED)).toEqual([
      {
        severity: 'error',
        title: 'Unsupported argument',
        message:
          'An argument named "ssh_usernme" is not expected here. Did you mean "ssh_username"?',
        file: `${T}/unsupported-argument/build.pkr.hcl`,
        line: 3
      }
    ])
    const file = `${T}/attribute-redefined/build.pkr.hcl`
    for (const name of [
      'validate-attribute-redefined.txt',
      'mr-validate-attribute-redefined.txt'
    ]) {
      expect(findingsFromDiagnostics(v194(name), CAPTURED)).toEqual([
        {
          severity: 'error',
          title: 'Attribute redefined',
          message: `The argument "communicator" was already set at ${file}:2,3-15. Each argument may be set only once.`,
          file,
          line: 3
        }
      ])
    }
  })

  it('an unset variable: two errors now (no "Variables not allowed"), in both forms', () => {
    const expected = [
      {
        severity: 'error',
        title: 'Unset variable "release"',
        message:
          'A used variable must be set or have a default value; see https://packer.io/docs/templates/hcl_templates/syntax for details.'
      },
      {
        severity: 'error',
        title: 'Unsuitable value type',
        message: 'Unsuitable value: value must be known',
        file: `${T}/unset-variable/build.pkr.hcl`,
        line: 10
      }
    ]
    expect(findingsFromDiagnostics(v194('validate-unset-variable.txt'), CAPTURED)).toEqual(expected)
    expect(findingsFromDiagnostics(v194('mr-build-unset-variable.txt'), CAPTURED)).toEqual(expected)
  })

  it('a syntax error now points at the unclosed block, with its source line shown', () => {
    expect(v194('validate-syntax-error.txt')).toContain('   1: source "null" "example" {')
    expect(findingsFromDiagnostics(v194('validate-syntax-error.txt'), CAPTURED)).toEqual([
      {
        severity: 'error',
        title: 'Unclosed configuration block',
        message:
          'There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.',
        file: `${T}/syntax-error/build.pkr.hcl`,
        line: 1
      }
    ])
  })

  it('the undeclared-variable warning keeps the block Packer suggests on lines of its own', () => {
    expect(
      findingsFromDiagnostics(v194('validate-undefined-variable-warning.txt'), CAPTURED)
    ).toEqual([
      {
        severity: 'warning',
        title: 'Undefined variable',
        message:
          'The variable "undeclared" was set but was not declared as an input variable. To declare ' +
          'variable "undeclared" place this block in one of your .pkr.hcl files, such as variables.pkr.hcl' +
          '\n\nvariable "undeclared" {\ntype    = string\ndefault = null\n}'
      }
    ])
  })

  describe('JSON templates', () => {
    const json = (name: string) => ({
      ...CAPTURED,
      template: `packer-1.6.6/templates/${name}/template.json`
    })

    it('a syntax error behind "Failed to parse file as legacy JSON template", at its line and column', () => {
      const text = v194('validate-json-syntax.txt')
      expect(text).toMatch(/^Failed to parse file as legacy JSON template: .*\nOriginal error: /)
      const findings = findingsFromDiagnostics(text, json('json-syntax'))
      expect(findings).toEqual([
        {
          severity: 'error',
          title: 'Failed to parse template',
          message: `Error parsing JSON: invalid character '}' looking for beginning of object key string`,
          file: `${T}/json-syntax/template.json`,
          line: 6,
          column: 5
        }
      ])
      expect(lineOf(findings[0].file!, 6)[4]).toBe('}')
    })

    it('a multi-error behind "Original error:", one finding per bullet', () => {
      expect(
        findingsFromDiagnostics(v194('validate-json-root-key.txt'), json('json-root-key'))
      ).toEqual([
        {
          severity: 'error',
          title: 'Failed to parse template',
          message: `Unknown root level key in template: 'builderz'`,
          file: `${T}/json-root-key/template.json`
        }
      ])
    })

    it('prepare and initialize errors, as 1.6.6 printed them', () => {
      expect(
        findingsFromDiagnostics(v194('validate-json-unknown-key.txt'), json('json-unknown-key'))
      ).toEqual([
        {
          severity: 'error',
          title: 'Failed to prepare build: "x"',
          message: `unknown configuration key: '"ssh_usernme"'`,
          file: `${T}/json-unknown-key/template.json`
        }
      ])
      expect(parseDiagnostics(v194('validate-json-unknown-builder.txt'))).toEqual([
        {
          severity: 'error',
          title: 'Failed to initialize build "nope"',
          message: `error initializing builder 'nope': Unknown builder nope`
        }
      ])
      expect(parseDiagnostics(v194('validate-json-required-variable.txt'))).toEqual([
        { severity: 'error', message: 'required variable not set: release' }
      ])
    })
  })
})

describe('parseDiagnostics on other shapes', () => {
  it('the pre-1.6 JSON validate output (as quoted in the Packer docs)', () => {
    const text = [
      'Template validation failed. Errors are shown below.',
      '',
      "Errors validating build 'virtualbox-iso'. 2 error(s) occurred:",
      '',
      '* An ssh_username must be specified.',
      '* One of iso_url or iso_urls must be specified.',
      '',
      "Errors validating build 'vmware'. 1 error(s) occurred:",
      '',
      '* Either a path or inline script must be specified.'
    ].join('\n')
    expect(parseDiagnostics(text)).toEqual([
      {
        severity: 'error',
        title: "Errors validating build 'virtualbox-iso'",
        message: 'An ssh_username must be specified.'
      },
      {
        severity: 'error',
        title: "Errors validating build 'virtualbox-iso'",
        message: 'One of iso_url or iso_urls must be specified.'
      },
      {
        severity: 'error',
        title: "Errors validating build 'vmware'",
        message: 'Either a path or inline script must be specified.'
      }
    ])
  })

  it('pre-1.6 warnings of a valid template', () => {
    const text = [
      'Template validation succeeded, but there were some warnings.',
      'These are ONLY WARNINGS, and Packer will attempt to build the',
      'template despite them, but they should be paid attention to.',
      '',
      "Warnings for build 'amazon-ebs':",
      '',
      "* A checksum type of 'none' was specified."
    ].join('\n')
    expect(parseDiagnostics(text)).toEqual([
      {
        severity: 'warning',
        title: "Warnings for build 'amazon-ebs'",
        message: "A checksum type of 'none' was specified."
      }
    ])
  })

  it('takes the location from an HCL range that opens a bullet', () => {
    const text = [
      'Error: Failed to prepare build: "amazon-ebs.ubuntu"',
      '',
      '1 error occurred:',
      '\t* build.pkr.hcl:12,3-10: Unsupported argument; An argument named "regin" is not expected here.',
      '',
      ''
    ].join('\n')
    expect(findingsFromDiagnostics(text, { workspace: '/ws', workingDirectory: 'packer' })).toEqual(
      [
        {
          severity: 'error',
          title: 'Failed to prepare build: "amazon-ebs.ubuntu"',
          message:
            'packer/build.pkr.hcl:12,3-10: Unsupported argument; An argument named "regin" is not expected here.',
          file: 'packer/build.pkr.hcl',
          line: 12,
          column: 3,
          endLine: 12,
          endColumn: 10
        }
      ]
    )
  })

  it('reads CRLF output and PACKER_LOG lines interleaved with a diagnostic', () => {
    const text =
      'Error: Unsupported argument\r\n\r\n' +
      '2024/01/05 10:00:00 [INFO] some log line\r\n' +
      '  on templates\\build.pkr.hcl line 4:\r\n   4:   foo = 1\r\n\r\n' +
      'An argument named "foo" is not expected here.\r\n\r\n'
    expect(
      findingsFromDiagnostics(text, {
        workspace: 'D:\\a\\repo\\repo',
        workingDirectory: 'D:\\a\\repo\\repo\\packer'
      })
    ).toEqual([
      {
        severity: 'error',
        title: 'Unsupported argument',
        message: 'An argument named "foo" is not expected here.',
        file: 'packer/templates/build.pkr.hcl',
        line: 4
      }
    ])
  })

  it('keeps one of a diagnostic printed twice', () => {
    const once = fixture('error-validate-unset-variable.txt')
    expect(
      findingsFromDiagnostics(once + once, { workspace: '/ws', workingDirectory: '/ws' })
    ).toHaveLength(1)
  })

  it('finds nothing in empty or clean output', () => {
    expect(parseDiagnostics('')).toEqual([])
    expect(parseDiagnostics('The configuration is valid.\n')).toEqual([])
  })
})

describe('workspacePath', () => {
  const ctx = {
    workspace: '/home/runner/work/r/r',
    workingDirectory: '/home/runner/work/r/r/packer'
  }

  it('makes paths relative to the repository root', () => {
    expect(workspacePath('./templates/x.pkr.hcl', ctx)).toBe('packer/templates/x.pkr.hcl')
    expect(workspacePath('/home/runner/work/r/r/other/y.pkr.hcl', ctx)).toBe('other/y.pkr.hcl')
    expect(workspacePath('x.pkr.hcl', { ...ctx, workingDirectory: 'packer/aws' })).toBe(
      'packer/aws/x.pkr.hcl'
    )
  })

  it('leaves absolute paths outside the repository as they are', () => {
    expect(workspacePath('/opt/shared/base.pkr.hcl', ctx)).toBe('/opt/shared/base.pkr.hcl')
    expect(workspacePath('../../shared/base.pkr.hcl', ctx)).toBe(
      '/home/runner/work/r/shared/base.pkr.hcl'
    )
    expect(workspacePath('..hidden/x.pkr.hcl', ctx)).toBe('packer/..hidden/x.pkr.hcl')
  })

  it('uses forward slashes for Windows paths', () => {
    const win = { workspace: 'D:\\a\\r\\r', workingDirectory: 'D:\\a\\r\\r\\packer' }
    expect(workspacePath('templates\\x.pkr.hcl', win)).toBe('packer/templates/x.pkr.hcl')
    expect(workspacePath('C:\\shared\\x.pkr.hcl', win)).toBe('C:\\shared\\x.pkr.hcl')
  })
})

describe('parseFmtCheck on Packer 1.6.6 captures', () => {
  const T = `${DATA_REL}/packer-1.6.6/templates/fmt-unformatted`

  it('one finding per unformatted file at its first changed line, and each diff', () => {
    const { findings, diffs } = parseFmtCheck(fixture('packer-1.6.6/fmt-check-diff.txt'), CAPTURED)
    expect(findings).toEqual([
      {
        severity: 'error',
        title: 'Not formatted',
        message: `${T}/main.pkr.hcl is not formatted; run \`packer fmt\``,
        file: `${T}/main.pkr.hcl`,
        line: 2
      },
      {
        severity: 'error',
        title: 'Not formatted',
        message: `${T}/no-newline.pkr.hcl is not formatted; run \`packer fmt\``,
        file: `${T}/no-newline.pkr.hcl`,
        line: 2
      },
      {
        severity: 'error',
        title: 'Not formatted',
        message: `${T}/values.pkrvars.hcl is not formatted; run \`packer fmt\``,
        file: `${T}/values.pkrvars.hcl`,
        line: 1
      }
    ])
    expect(diffs.map((d) => d.file)).toEqual(findings.map((f) => f.file))
    expect(diffs[0].diff.split('\n')).toHaveLength(17) // both hunks
    expect(diffs[0].diff).toMatch(
      /^--- old\/packer-1\.6\.6\/templates\/fmt-unformatted\/main\.pkr\.hcl\n/
    )
    expect(diffs[0].diff).toMatch(
      /\n\+ {4}inline = \["echo \$\{var\.region\} \$\{var\.instance_type\}"\]\n {3}\}\n \}$/
    )
    expect(diffs[1].diff).toMatch(/\n\\ No newline at end of file$/)
    expect(diffs[2].diff).toBe(
      [
        '--- old/packer-1.6.6/templates/fmt-unformatted/values.pkrvars.hcl',
        '+++ new/packer-1.6.6/templates/fmt-unformatted/values.pkrvars.hcl',
        '@@ -1 +1 @@',
        '-region="eu-west-1"',
        '+region = "eu-west-1"'
      ].join('\n')
    )
    expect(lineOf(`${T}/main.pkr.hcl`, 2)).toBe('  type = string')
  })

  it('without -diff: the files, no lines', () => {
    const { findings, diffs } = parseFmtCheck(fixture('packer-1.6.6/fmt-check.txt'), CAPTURED)
    expect(findings.map((f) => [f.file, f.line])).toEqual([
      [`${T}/main.pkr.hcl`, undefined],
      [`${T}/no-newline.pkr.hcl`, undefined],
      [`${T}/values.pkrvars.hcl`, undefined]
    ])
    expect(diffs.every((d) => d.diff === '')).toBe(true)
  })

  it('a file Packer cannot parse becomes an error on that file', () => {
    const P = `${DATA_REL}/packer-1.6.6/templates/fmt-parse-error`
    const { findings, diffs } = parseFmtCheck(
      fixture('packer-1.6.6/fmt-check-diff-parse-error.txt'),
      CAPTURED
    )
    expect(findings).toEqual([
      {
        severity: 'error',
        title: 'Not formatted',
        message: `${P}/unformatted.pkr.hcl is not formatted; run \`packer fmt\``,
        file: `${P}/unformatted.pkr.hcl`,
        line: 2
      },
      {
        severity: 'error',
        title: `Cannot format ${P}/broken.pkr.hcl`,
        message: `failed to parse HCL ${P}/broken.pkr.hcl`,
        file: `${P}/broken.pkr.hcl`
      }
    ])
    expect(diffs).toHaveLength(1)
  })

  it('reports nothing for the usage text of a Packer without -recursive', () => {
    expect(
      parseFmtCheck(fixture('packer-1.6.6/fmt-check-diff-recursive-unsupported.txt'), CAPTURED)
    ).toEqual({
      findings: [],
      diffs: []
    })
  })
})

describe('parseFmtCheck on Packer 1.9.4 captures', () => {
  const T = `${DATA_REL}/packer-1.6.6/templates/fmt-unformatted`

  it('-recursive, which 1.9.4 has: the nested file too, each with its diff', () => {
    const { findings, diffs } = parseFmtCheck(
      fixture('packer-1.9.4/fmt-check-diff-recursive.txt'),
      CAPTURED
    )
    expect(findings.map((f) => [f.file, f.line])).toEqual([
      [`${T}/main.pkr.hcl`, 2],
      [`${T}/nested/inner.pkr.hcl`, 2],
      [`${T}/no-newline.pkr.hcl`, 2],
      [`${T}/values.pkrvars.hcl`, 1]
    ])
    expect(diffs.map((d) => d.file)).toEqual(findings.map((f) => f.file))
    expect(diffs[1].diff).toBe(
      [
        '--- old/packer-1.6.6/templates/fmt-unformatted/nested/inner.pkr.hcl',
        '+++ new/packer-1.6.6/templates/fmt-unformatted/nested/inner.pkr.hcl',
        '@@ -1,3 +1,3 @@',
        ' locals {',
        '-  nested="only seen with -recursive"',
        '+  nested = "only seen with -recursive"',
        ' }'
      ].join('\n')
    )
  })

  it('without -recursive, and without -diff, as 1.6.6', () => {
    for (const name of ['fmt-check-diff.txt', 'fmt-check.txt', 'fmt-check-diff-parse-error.txt']) {
      expect(parseFmtCheck(fixture(`packer-1.9.4/${name}`), CAPTURED)).toEqual(
        parseFmtCheck(fixture(`packer-1.6.6/${name}`), CAPTURED)
      )
    }
  })
})

describe('parseFmtCheck on other shapes', () => {
  it('an insertion-only hunk points at the line before it; absolute paths stay absolute', () => {
    const out = [
      '/srv/shared/a.pkr.hcl',
      '--- old//srv/shared/a.pkr.hcl',
      '+++ new//srv/shared/a.pkr.hcl',
      '@@ -3,2 +3,3 @@',
      ' a = 1',
      '+',
      ' b = 2',
      ''
    ].join('\n')
    const { findings } = parseFmtCheck(out, { workspace: '/ws', workingDirectory: '/ws' })
    expect(findings).toEqual([
      {
        severity: 'error',
        title: 'Not formatted',
        message: '/srv/shared/a.pkr.hcl is not formatted; run `packer fmt`',
        file: '/srv/shared/a.pkr.hcl',
        line: 3
      }
    ])
  })

  it('a diff line that looks like a file name is not taken for one', () => {
    const out = [
      'a.pkr.hcl',
      '--- old/a.pkr.hcl',
      '+++ new/a.pkr.hcl',
      '@@ -1,2 +1,2 @@',
      '-x="b.pkr.hcl"',
      '+x = "b.pkr.hcl"',
      ' c.pkr.hcl',
      ''
    ].join('\n')
    const { findings } = parseFmtCheck(out, { workspace: '/ws', workingDirectory: '/ws/p' })
    expect(findings.map((f) => f.file)).toEqual(['p/a.pkr.hcl'])
  })

  it('nothing to report for formatted files', () => {
    expect(parseFmtCheck('', { workspace: '/ws', workingDirectory: '/ws' })).toEqual({
      findings: [],
      diffs: []
    })
  })
})

describe('toAnnotationProperties', () => {
  it('maps a one-line range with columns', () => {
    expect(
      toAnnotationProperties({
        severity: 'error',
        title: 'Unsupported argument',
        message: 'm',
        file: 'packer/build.pkr.hcl',
        line: 12,
        column: 3,
        endLine: 12,
        endColumn: 10
      })
    ).toEqual({
      title: 'Unsupported argument',
      file: 'packer/build.pkr.hcl',
      startLine: 12,
      startColumn: 3,
      endColumn: 10
    })
  })

  it('drops the columns of a range over several lines, which GitHub refuses', () => {
    expect(
      toAnnotationProperties({
        severity: 'error',
        message: 'm',
        file: 'a.pkr.hcl',
        line: 2,
        column: 1,
        endLine: 4,
        endColumn: 2
      })
    ).toEqual({ file: 'a.pkr.hcl', startLine: 2, endLine: 4 })
  })

  it('gives no line without a file and nothing undefined', () => {
    expect(toAnnotationProperties({ severity: 'warning', message: 'm', line: 3 })).toEqual({})
    expect(
      toAnnotationProperties({ severity: 'error', title: 't', message: 'm', file: 'a.pkr.hcl' })
    ).toEqual({
      title: 't',
      file: 'a.pkr.hcl'
    })
  })
})
