// `npm start`: the Discord bot when DISCORD_TOKEN is set, else a chat in the terminal on the same engine.
import { runChat, CONNECT_HINT } from './cli/chat.js';
import { loadDotEnv, readConfig } from './config.js';
import { loadLibrary } from './engine/index.js';

async function main(): Promise<number> {
  loadDotEnv();
  const { config, problems } = readConfig();
  if (problems.length) {
    for (const p of problems) process.stderr.write(`whosaid: config: ${p}\n`);
    return 2;
  }
  if (config.discordToken) {
    const { startBot } = await import('./discord/index.js');
    await startBot(config);
    return 0;
  }
  process.stderr.write(`${CONNECT_HINT}\n`);
  const library = await loadLibrary(config.corpusDir, {
    onWarning: (w) => process.stderr.write(`whosaid: skipped ${w.file}: ${w.reason}\n`),
    onProgress: (m) => process.stderr.isTTY && process.stderr.write(`\r\x1b[K${m}${m.startsWith('ready') ? '\n' : ''}`),
  });
  await runChat(library, { input: process.stdin, output: process.stdout, interactive: process.stdin.isTTY === true });
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error) => {
    process.stderr.write(`whosaid: ${err.message}\n`);
    process.exitCode = err.message.startsWith('whosaid: cannot read corpus folder') ? 2 : 1;
  },
);
