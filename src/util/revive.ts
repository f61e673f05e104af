/**
 * Gives an object that came through structured cloning (postMessage to or from a worker) its class back: the clone
 * keeps every field, including the ones TypeScript calls private, and loses only the prototype.
 */
export function revive<T extends object>(cloned: T, type: { prototype: T }): T {
  return Object.setPrototypeOf(cloned, type.prototype) as T;
}
