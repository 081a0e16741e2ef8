/**
 * A loopback shim in front of act 0.2.87's artifact server, for the @actions/artifact 6 client that
 * upload-artifact v7 and download-artifact v8 use. That server predates two things the client
 * does (nektos/act#6022, #6114; fixed by the open PR #6115): it refuses the `mime_type` field of
 * CreateArtifact, and it decodes the signed-URL `sig` only with base64 padding, which the client's
 * storage SDK strips. The shim drops that one field and restores the padding; everything else
 * goes through byte for byte, so what the jobs upload and download is what act's server stores.
 */
import { createServer, request, type Server } from 'node:http'

export interface ArtifactShim {
  url: string
  close(): Promise<void>
}

export async function startArtifactShim(actPort: number): Promise<ArtifactShim> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      let body = Buffer.concat(chunks)
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      if (url.pathname.endsWith('/CreateArtifact') && body.length > 0) {
        const message = JSON.parse(body.toString('utf8')) as Record<string, unknown>
        delete message.mime_type
        body = Buffer.from(JSON.stringify(message))
      }
      const sig = url.searchParams.get('sig')
      if (sig && sig.length % 4 !== 0) {
        url.searchParams.set('sig', sig + '='.repeat(4 - (sig.length % 4)))
      }
      const headers = { ...req.headers, 'content-length': String(body.length) }
      const upstream = request(
        {
          host: '127.0.0.1',
          port: actPort,
          method: req.method,
          path: url.pathname + url.search,
          headers
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
        }
      )
      upstream.on('error', (error) => {
        res.writeHead(502)
        res.end(String(error))
      })
      upstream.end(body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
}
