// Entry point of `npm run whosaid`.
import { CORPUS_DIR_ERROR } from '../corpus/index.js';
import { runCli, USAGE, UsageError } from './run.js';

// A reader that closes the pipe early (`| head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error) => {
    if (err instanceof UsageError) {
      process.stderr.write(`whosaid: ${err.message}\n${USAGE.split('\n')[0]}\n`);
      process.exitCode = 2;
    } else if (err.message.startsWith(CORPUS_DIR_ERROR)) {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`whosaid: ${err.stack ?? err.message}\n`);
      process.exitCode = 1;
    }
  },
);
