/**
 * An empty object without a prototype, for maps whose keys come from outside (inputs, templates,
 * manifests, EC2): a key such as `constructor`, `toString` or `__proto__` is then an ordinary key,
 * not an inherited property or the object's prototype.
 */
export function dictionary<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>
}

/** Whether parsed JSON is an object with keys (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
