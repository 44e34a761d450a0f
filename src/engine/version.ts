/**
 * Version of what the engine derives from the articles (sentences, quotes, speakers, index terms).
 * Bump it in any change that alters that output (attribution rules, the sentence splitter, the token
 * pipeline): snapshots are named after the corpus version, which includes this number, so every
 * process then rebuilds instead of loading a library the current code would not have built.
 */
export const ENGINE_VERSION = 1;
