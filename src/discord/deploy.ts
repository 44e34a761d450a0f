// Registers the slash commands, only when what Discord has differs from the registry: a PUT replaces
// the whole set and, for global commands, takes a while to reach every client, so an unchanged
// set is left alone.
import { Routes, type REST, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { commandDefinitions } from './commands/registry.js';

export interface DeployOptions {
  /** Read from Discord (GET /applications/@me) when not given. */
  applicationId?: string | null;
  /** A server to register to (instant, for development); global otherwise. */
  guildId?: string | null;
  /** Default: the registry's definitions. */
  commands?: RESTPostAPIChatInputApplicationCommandsJSONBody[];
}

export interface DeployResult {
  scope: string;
  applicationId: string;
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
  /** Whether the set was sent (PUT). */
  registered: boolean;
}

type Json = Record<string, unknown>;

export async function deployCommands(rest: REST, options: DeployOptions = {}): Promise<DeployResult> {
  const applicationId = options.applicationId ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  const guildId = options.guildId ?? null;
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const local = (options.commands ?? commandDefinitions()).map((c) => (guildId ? forGuild(c) : c));
  const remote = (await rest.get(route)) as Json[];
  const remoteByName = new Map(remote.map((c) => [String(c.name), c]));
  const localNames = new Set(local.map((c) => c.name));
  const result: DeployResult = {
    scope: guildId ? `server ${guildId}` : 'global',
    applicationId,
    added: [],
    changed: [],
    removed: remote.map((c) => String(c.name)).filter((n) => !localNames.has(n)),
    unchanged: [],
    registered: false,
  };
  for (const c of local) {
    const there = remoteByName.get(c.name);
    if (!there) result.added.push(c.name);
    else if (same(normalizeCommand(c as unknown as Json), normalizeCommand(there))) result.unchanged.push(c.name);
    else result.changed.push(c.name);
  }
  if (result.added.length || result.changed.length || result.removed.length) {
    await rest.put(route, { body: local });
    result.registered = true;
  }
  return result;
}

/** Lines for people: what changed, or that nothing did. */
export function describeDeploy(r: DeployResult): string[] {
  if (!r.registered) return [`${r.scope}: ${r.unchanged.length} commands already up to date; nothing registered`];
  return [
    ...r.added.map((n) => `${r.scope}: + /${n} (new)`),
    ...r.changed.map((n) => `${r.scope}: ~ /${n} (changed)`),
    ...r.removed.map((n) => `${r.scope}: - /${n} (removed)`),
    `${r.scope}: registered ${r.added.length + r.changed.length + r.unchanged.length} commands` +
      (r.scope === 'global' ? ' (global commands can take up to an hour to appear everywhere)' : ''),
  ];
}

/**
 * Server commands show only in that server, so where they may be used (contexts, install types)
 * means nothing there; Discord may not echo those fields back, which would make every run look changed.
 */
function forGuild(c: RESTPostAPIChatInputApplicationCommandsJSONBody): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const { contexts: _c, integration_types: _i, dm_permission: _d, ...rest } = c;
  return rest;
}

/** A command as comparable JSON: Discord's defaults filled in, its own fields (id, version…) left out. */
export function normalizeCommand(c: Json): Json {
  return clean({
    name: c.name,
    type: c.type ?? 1,
    description: c.description ?? '',
    options: normalizeOptions(c.options),
    default_member_permissions: c.default_member_permissions ?? null,
    nsfw: c.nsfw ?? false,
    contexts: sorted(c.contexts),
    integration_types: sorted(c.integration_types),
    name_localizations: c.name_localizations ?? null,
    description_localizations: c.description_localizations ?? null,
  });
}

function normalizeOptions(options: unknown): Json[] {
  if (!Array.isArray(options)) return [];
  return options.map((o: Json) =>
    clean({
      type: o.type,
      name: o.name,
      description: o.description,
      required: o.required ?? false,
      autocomplete: o.autocomplete ?? false,
      min_length: o.min_length,
      max_length: o.max_length,
      min_value: o.min_value,
      max_value: o.max_value,
      choices: o.choices,
      channel_types: sorted(o.channel_types),
      options: normalizeOptions(o.options),
      name_localizations: o.name_localizations ?? null,
      description_localizations: o.description_localizations ?? null,
    }),
  );
}

function sorted(list: unknown): unknown[] | undefined {
  return Array.isArray(list) && list.length ? [...list].sort() : undefined;
}

/** Drops empty values, so "absent", null and [] compare equal. */
function clean(o: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === null || (Array.isArray(v) && !v.length)) continue;
    out[k] = v;
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
