// The entry stays free of top-level await: the bundler would otherwise wrap every module in its
// async-module machinery, which the warm path (src/warm.ts) pays for on each run.
import { enableCompileCache } from 'node:module'
import { State } from './action/constants.js'
import { runWarm } from './warm.js'

if (process.env[`STATE_${State.IsPost}`] === 'true') {
  enableCompileCache?.()
  void import('./post.js').then(({ runPost }) => runPost())
} else if (!runWarm()) {
  // V8's code cache for the chunks: later steps of the job (and self-hosted runners) start faster.
  enableCompileCache?.()
  void import('./main.js').then(({ run }) => run())
}
