// `npm run deploy-commands`: registers the slash commands to DISCORD_GUILD_ID's server when set
// (instant), else globally; does nothing when Discord already has them as they are.
import { REST } from 'discord.js';
import { loadDotEnv, readConfig } from '../config.js';
import { deployCommands, describeDeploy } from './deploy.js';

async function main(): Promise<number> {
  loadDotEnv();
  const { config, problems } = readConfig();
  for (const p of problems) process.stderr.write(`whosaid: config: ${p}\n`);
  if (problems.length) return 2;
  if (!config.discordToken) {
    process.stderr.write('whosaid: deploy-commands needs DISCORD_TOKEN (in the environment or .env)\n');
    return 2;
  }
  const rest = new REST(config.discordApiUrl ? { api: config.discordApiUrl } : {}).setToken(config.discordToken);
  const result = await deployCommands(rest, {
    applicationId: config.discordApplicationId,
    guildId: config.discordGuildId,
  });
  for (const line of describeDeploy(result)) process.stdout.write(`${line}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`whosaid: deploy-commands: ${err.message}\n`);
    process.exit(1);
  },
);
