/**
 * Stand-in for aws-actions/configure-aws-credentials. The real one trades the OIDC token for role
 * credentials with STS; this exports fixed keys and points EC2 at the double (PIA_ACT_EC2_URL).
 */
import * as core from '@actions/core'

function run(): void {
  const role = core.getInput('role-to-assume', { required: true })
  const region = core.getInput('aws-region', { required: true })
  const session = core.getInput('role-session-name')
  if (!/^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(role)) {
    throw new Error(`role-to-assume '${role}' is not an IAM role ARN`)
  }
  // The real action refuses session names outside [\w+=,.@-]{2,64} since v6.
  if (!/^[\w+=,.@-]{2,64}$/.test(session)) {
    throw new Error(`role-session-name '${session}' is not a valid session name`)
  }
  const endpoint = process.env.PIA_ACT_EC2_URL
  if (!endpoint) throw new Error('configure-aws-credentials stand-in: PIA_ACT_EC2_URL is not set')
  const secret = 'act/stand-in/secret/for/the/double'
  const token = `stand-in-session-${session}`
  core.setSecret(secret)
  core.setSecret(token)
  core.exportVariable('AWS_ACCESS_KEY_ID', 'ASIAACTSTANDIN000000')
  core.exportVariable('AWS_SECRET_ACCESS_KEY', secret)
  core.exportVariable('AWS_SESSION_TOKEN', token)
  core.exportVariable('AWS_REGION', region)
  core.exportVariable('AWS_DEFAULT_REGION', region)
  core.exportVariable('AWS_ENDPOINT_URL_EC2', endpoint)
  core.setOutput('aws-account-id', role.split(':')[4])
}

try {
  run()
} catch (error) {
  core.setFailed(error instanceof Error ? error.message : String(error))
}
