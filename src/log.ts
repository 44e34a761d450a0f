import { destination, pino, stdTimeFunctions, type Logger } from 'pino';

export type { Logger };

// Logs go to stderr: stdout belongs to results (the CLI's answers). Tokens never reach a log line:
// the redaction covers the places a token could sit in the objects we log.
export function createLogger(level: string, fd: number = 2): Logger {
  return pino(
    {
      level,
      base: { app: 'whosaid' },
      redact: {
        paths: ['token', '*.token', 'headers.authorization', '*.headers.authorization', 'config.discordToken'],
        censor: '[redacted]',
      },
      timestamp: stdTimeFunctions.isoTime,
    },
    destination({ dest: fd, sync: true }),
  );
}
