import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, commandDefinitions, findCommand } from '../../src/discord/commands/registry.js';
import { deployCommands, describeDeploy } from '../../src/discord/deploy.js';
import { run } from '../cli/run.js';
import { FakeDiscord } from './fake/index.js';

describe('command registration', { timeout: 30_000 }, () => {
  let fake: FakeDiscord;
  let rest: REST;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
    rest = new REST({ api: fake.apiUrl, retries: 0 }).setToken(fake.token);
  });
  afterAll(async () => {
    await fake?.close();
  });

  const puts = () => fake.requests.filter((r) => r.method === 'PUT');

  it('defines each command once, with bounded option lengths, in the registry the dispatcher uses', () => {
    const names = commandDefinitions().map((c) => c.name);
    expect(names).toEqual(['ask', 'whosaid', 'quotes', 'speakers', 'articles', 'help', 'corpus', 'feeds', 'settings']);
    for (const c of COMMANDS) expect(findCommand(c.data.name)).toBe(c);
    type Option = { max_length?: number; min_length?: number; type: number; choices?: unknown[]; options?: Option[] };
    // Free text is bounded; subcommands (1) hold options of their own; attachments (11) are files.
    const check = (o: Option) => {
      if (o.type === 1) return (o.options ?? []).forEach(check);
      if (o.type === 11) return;
      expect(o.type).toBe(3);
      if (o.choices) return;
      expect(o.max_length).toBeGreaterThan(0);
      expect(o.max_length).toBeLessThanOrEqual(6000);
      expect(o.min_length).toBeGreaterThanOrEqual(1);
    };
    for (const c of commandDefinitions()) ((c.options ?? []) as Option[]).forEach(check);
    // Server management: hidden from members without Manage Server (0x20), and not offered in DMs.
    for (const name of ['corpus', 'feeds', 'settings']) {
      expect(commandDefinitions().find((c) => c.name === name)).toMatchObject({
        default_member_permissions: '32',
        contexts: [0],
      });
    }
    const quotes = commandDefinitions().find((c) => c.name === 'quotes')!;
    expect(quotes.options).toEqual([
      expect.objectContaining({ name: 'speaker', required: true, autocomplete: true, max_length: 100 }),
      expect.objectContaining({ name: 'topic', max_length: 200 }),
    ]);
  });

  it('registers to a server, then leaves an unchanged set alone (no PUT)', async () => {
    const first = await deployCommands(rest, { applicationId: fake.ids.application, guildId: fake.ids.guild });
    expect(first).toMatchObject({
      registered: true,
      added: ['ask', 'whosaid', 'quotes', 'speakers', 'articles', 'help', 'corpus', 'feeds', 'settings'],
      changed: [],
      removed: [],
    });
    expect(puts().map((r) => r.path)).toEqual([
      `/applications/${fake.ids.application}/guilds/${fake.ids.guild}/commands`,
    ]);
    expect(puts()[0].body.map((c: { name: string }) => c.name)).toEqual(first.added);
    const again = await deployCommands(rest, { applicationId: fake.ids.application, guildId: fake.ids.guild });
    expect(again).toMatchObject({ registered: false, unchanged: first.added });
    expect(puts()).toHaveLength(1);
    expect(describeDeploy(again)).toEqual([
      `server ${fake.ids.guild}: 9 commands already up to date; nothing registered`,
    ]);
  });

  it('says what changed: a changed description, a removed command', async () => {
    const changed = commandDefinitions()
      .filter((c) => c.name !== 'help')
      .map((c) => (c.name === 'ask' ? { ...c, description: 'Ask me anything' } : c));
    const r = await deployCommands(rest, {
      applicationId: fake.ids.application,
      guildId: fake.ids.guild,
      commands: changed,
    });
    expect(r).toMatchObject({ registered: true, added: [], changed: ['ask'], removed: ['help'] });
    expect(describeDeploy(r)).toEqual([
      `server ${fake.ids.guild}: ~ /ask (changed)`,
      `server ${fake.ids.guild}: - /help (removed)`,
      `server ${fake.ids.guild}: registered 8 commands`,
    ]);
  });

  it('registers globally with the application id read from Discord when none is configured', async () => {
    const r = await deployCommands(rest, {});
    expect(r).toMatchObject({ scope: 'global', applicationId: fake.ids.application, registered: true });
    expect(fake.requests.some((x) => x.path === '/applications/@me')).toBe(true);
    const put = puts().at(-1)!;
    expect(put.path).toBe(`/applications/${fake.ids.application}/commands`);
    expect(put.body[0]).toMatchObject({ contexts: [0, 1], integration_types: [0] });
    expect((await deployCommands(rest, {})).registered).toBe(false);
  });

  it('npm run deploy-commands prints what it did, and exits 2 without a token', async () => {
    fake.commands.clear();
    const env = {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_GUILD_ID: fake.ids.guild,
      DISCORD_APPLICATION_ID: fake.ids.application,
    };
    const first = await run('npm', ['run', '--silent', 'deploy-commands'], '', env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`server ${fake.ids.guild}: + /ask (new)`);
    expect(first.stdout).toContain(`server ${fake.ids.guild}: registered 9 commands`);
    // The same program without npm in front, which is quicker to start.
    const direct = ['--import', 'tsx', 'src/discord/deploy-cli.ts'];
    const second = await run('node', direct, '', env);
    expect(second.stdout.trim()).toBe(`server ${fake.ids.guild}: 9 commands already up to date; nothing registered`);
    expect(second.stdout + second.stderr).not.toContain(fake.token);
    const none = await run('node', direct, '', { DISCORD_API_URL: fake.apiUrl });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/needs DISCORD_TOKEN/);
  });
});
