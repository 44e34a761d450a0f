// Fetching what strangers link to: URL and address checks, a GET with limits, pages as UTF-8 HTML.
export { addressProblem } from './address.js';
export { FETCH_ERRORS, FetchError, formatBytes, type FetchErrorCode } from './errors.js';
export {
  acceptedType,
  DEFAULT_FETCH_LIMITS,
  safeFetch,
  USER_AGENT,
  type FetchLimits,
  type FetchOptions,
  type Fetched,
} from './fetch.js';
export { fetchPage, stampUrl, toUtf8, type Page } from './page.js';
export {
  addressPolicy,
  checkUrl,
  guardedLookup,
  socketProblem,
  systemResolver,
  type AddressPolicy,
  type Resolver,
} from './safe-url.js';
