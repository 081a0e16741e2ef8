/**
 * The commands that work on what builds produced: `merge-manifests`, `tfvars`, `cleanup` and
 * `promote`, one module each. The registry loads this module with `import()` when one of them
 * runs: it brings the AWS SDK, which a build does not need. Orchestration only: the decisions are
 * the pure planners' (packer/manifest.ts, tfvars/, lifecycle/), the EC2 calls are aws/'s.
 */
export { cleanupImages } from './cleanup.js'
export { mergeManifestFiles } from './merge-manifests.js'
export { promoteImages } from './promote.js'
export { updateTfvarsFile } from './tfvars.js'
