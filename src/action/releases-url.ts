/**
 * The `releases-url` input, checked. Built-ins only, so that the warm path (src/warm.ts) checks it
 * the same way without loading @actions/core.
 */
import { DEFAULT_RELEASES_URL, Inputs } from './constants.js'

/** The base URL without a trailing slash, or what is wrong with it (never echoing credentials). */
export function checkReleasesUrl(value: string): { url: string } | { problem: string } {
  const raw = value.trim() || DEFAULT_RELEASES_URL
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return {
      problem: `Input '${Inputs.ReleasesUrl}' is '${raw}'; expected an http(s) URL such as ${DEFAULT_RELEASES_URL}`
    }
  }
  if (url.username || url.password) {
    return {
      problem: `Input '${Inputs.ReleasesUrl}' carries credentials; put them in a netrc or proxy setting instead`
    }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {
      problem: `Input '${Inputs.ReleasesUrl}' is '${raw}'; expected an http(s) URL, not ${url.protocol}`
    }
  }
  // File paths are appended to the base, so a query or fragment would end up in the middle of
  // each URL (and a token in a query would be printed with every URL).
  if (url.search || url.hash || /[?#]/.test(raw)) {
    return {
      problem: `Input '${Inputs.ReleasesUrl}' has a query or fragment; expected a base URL such as ${DEFAULT_RELEASES_URL} (put a token in a netrc or proxy setting instead)`
    }
  }
  return { url: url.toString().replace(/\/+$/, '') }
}
