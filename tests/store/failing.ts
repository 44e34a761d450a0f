/** A keyv backend whose every call does `call`. */
function backendThat(call: () => never): Map<unknown, unknown> {
  const m = new Map();
  m.get = m.set = m.delete = m.keys = call;
  return m;
}

/** A keyv backend that fails every call, as a Redis that went away would. */
export function failingBackend(): Map<unknown, unknown> {
  return backendThat(() => {
    throw new Error('connection refused');
  });
}

/** A keyv backend that never answers, as a store behind a dead network link. */
export function hangingBackend(): Map<unknown, unknown> {
  return backendThat(() => new Promise(() => {}) as never);
}
