// Structured JSON logs (pino) for the server and the CLI; quiet in tests.
import pino from 'pino';

export function createLogger(level: string) {
  return pino({ level, base: { service: 'thuocdo' }, timestamp: pino.stdTimeFunctions.isoTime });
}
