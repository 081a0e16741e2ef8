/**
 * EC2 Query API responses. EC2 wraps every list member in `<item>`, which is what both
 * aws-sdk-go v1 (Packer) and the JavaScript SDK's ec2 protocol expect.
 */
export const EC2_XMLNS = 'http://ec2.amazonaws.com/doc/2016-11-15/'

export type XmlValue =
  string | number | boolean | Date | undefined | null | XmlValue[] | { [element: string]: XmlValue }

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

function body(value: XmlValue): string {
  if (value === undefined || value === null) return ''
  if (Array.isArray(value)) return value.map((item) => element('item', item)).join('')
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([name, child]) => element(name, child))
      .join('')
  }
  return escapeXml(String(value))
}

function element(name: string, value: XmlValue): string {
  if (value === undefined || value === null) return ''
  return `<${name}>${body(value)}</${name}>`
}

export function responseXml(action: string, requestId: string, fields: XmlValue): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<${action}Response xmlns="${EC2_XMLNS}"><requestId>${requestId}</requestId>` +
    `${body(fields)}</${action}Response>`
  )
}

export function errorXml(code: string, message: string, requestId: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<Response><Errors><Error><Code>${escapeXml(code)}</Code>` +
    `<Message>${escapeXml(message)}</Message></Error></Errors>` +
    `<RequestID>${requestId}</RequestID></Response>`
  )
}
