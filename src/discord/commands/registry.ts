// The one list of commands: the client's dispatcher looks commands up here, and deploy-commands
// registers exactly these definitions, so the two can never disagree.
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { articles } from './articles.js';
import { ask } from './ask.js';
import { corpus } from './corpus.js';
import { feeds } from './feeds.js';
import { help } from './help.js';
import { quotes } from './quotes.js';
import { settings } from './settings.js';
import { speakers } from './speakers.js';
import type { Command } from './types.js';
import { whosaid } from './whosaid.js';

export type { Command } from './types.js';

export const COMMANDS: readonly Command[] = [ask, whosaid, quotes, speakers, articles, help, corpus, feeds, settings];

const byName = new Map(COMMANDS.map((c) => [c.data.name, c]));

export function findCommand(name: string): Command | undefined {
  return byName.get(name);
}

/** The definitions Discord registers. */
export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return COMMANDS.map((c) => c.data);
}
