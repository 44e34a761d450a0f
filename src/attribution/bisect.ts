// Items of an article (tokens, mentions, sentences, antecedents) are kept in text order, and the stages
// look them up by offset: one binary search for all of them.

/**
 * The index of the first item for which `isBefore` is false (items.length when there is none). `isBefore`
 * must hold for a prefix of the items and fail for the rest, as "ends before offset x" does in text order.
 */
export function firstNotBefore<T>(items: ArrayLike<T>, isBefore: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isBefore(items[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
