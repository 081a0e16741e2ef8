// Lets the benchmarks import the test support modules as Node 24 strips their types: those
// modules import each other as `./name.js`, as TypeScript wants, and the file on disk is `name.ts`.
import { registerHooks } from 'node:module'

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context)
    } catch (error) {
      if (specifier.startsWith('.') && specifier.endsWith('.js')) {
        return nextResolve(specifier.slice(0, -3) + '.ts', context)
      }
      throw error
    }
  }
})
