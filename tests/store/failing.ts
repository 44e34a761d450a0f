/** A keyv backend that fails every call, as a Redis that went away would. */
export function failingBackend(): Map<unknown, unknown> {
  const fail = () => {
    throw new Error('connection refused');
  };
  const m = new Map();
  m.get = fail;
  m.set = fail;
  m.delete = fail;
  m.keys = fail;
  return m;
}

/** A keyv backend that never answers, as a store behind a dead network link. */
export function hangingBackend(): Map<unknown, unknown> {
  const never = () => new Promise(() => {}) as never;
  const m = new Map();
  m.get = never;
  m.set = never;
  m.delete = never;
  m.keys = never;
  return m;
}
