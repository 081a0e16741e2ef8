import { State } from './constants.js'
import { runWarm } from './warm.js'

if (process.env[`STATE_${State.IsPost}`] === 'true') {
  const { runPost } = await import('./post.js')
  await runPost()
} else if (!runWarm()) {
  const { run } = await import('./main.js')
  await run()
}
