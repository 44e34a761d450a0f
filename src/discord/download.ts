// Fetches an attachment a person uploaded, never reading more than the limit: Discord says how big a
// file is, but the bytes are counted here all the same.
export class DownloadError extends Error {}

export async function download(url: string, maxBytes: number, timeoutMs = 15_000): Promise<Buffer> {
  const u = new URL(url);
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new DownloadError('not a web address');
  let res: Response;
  try {
    res = await fetch(u, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (err) {
    throw new DownloadError(`could not fetch the file (${(err as Error).message})`);
  }
  if (!res.ok || !res.body) throw new DownloadError(`could not fetch the file (HTTP ${res.status})`);
  const declared = Number(res.headers.get('content-length'));
  if (declared > maxBytes) {
    await res.body.cancel();
    throw new DownloadError('the file is larger than the limit');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > maxBytes) throw new DownloadError('the file is larger than the limit');
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks, size);
}
