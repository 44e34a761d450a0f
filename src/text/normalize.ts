/** Lower case without diacritics: "José" and "Jose" are one term. */
export function foldCase(token: string): string {
  const lower = token.toLowerCase();
  // Plain ASCII needs no decomposition; most tokens are.
  return /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}+/gu, '');
}
