// Feeds and pages from the web: reading feeds, polling them under a lease, adding pages once.
export { AddError, PageAdder, type PageLimits, type Prepared } from './adder.js';
export { canonicalUrl, sameSite, textKey, urlKey } from './canonical.js';
export { FEED_ITEMS_READ, FeedParseError, parseFeedBytes, type FeedItem, type ParsedFeed } from './parse.js';
export { FeedPoller, type PollerOptions, type PollResult } from './poller.js';
export { allFeeds, feedId, feedKey, feedsOf, newFeedRecord, syncBaseFeeds, type FeedRecord } from './records.js';
export { parseFeedInWorker } from './worker.js';
export { announcedFeed, fetchOptions, FollowError, Web, webOptions, type WebOptions } from './service.js';
