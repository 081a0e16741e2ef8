import { runWarm } from './warm.js'

if (!runWarm()) {
  const { run } = await import('./main.js')
  await run()
}
