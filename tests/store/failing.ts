/** A keyv backend that fails every call, as a Redis that went away would. */
export function failingBackend(): Map<unknown, unknown> {
  const fail = () => {
    throw new Error('connection refused');
  };
  const m = new Map();
  m.get = fail;
  m.set = fail;
  m.delete = fail;
  return m;
}
