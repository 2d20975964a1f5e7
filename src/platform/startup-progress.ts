import type { Config } from './config.ts';

/** One plain sentence for the person at the terminal, e.g. "Applying database updates…". */
export type Progress = (line: string) => void;

export const NO_PROGRESS: Progress = () => {};

/**
 * What `npm start` says while it starts (the first start takes ~20 s creating the embedded
 * database) and where to open it when ready (decision 021). Plain lines on stderr: stdout stays
 * one JSON object per line for log collectors and `| jq`. Outside production only, and not with
 * LOG_LEVEL=silent; in production the JSON logs ("Lady's Essence is ready") say the same.
 */
export function terminalProgress(
  config: Pick<Config, 'env' | 'logLevel'>,
  write: (text: string) => void = (text) => void process.stderr.write(text),
): Progress {
  if (config.env === 'production' || config.logLevel === 'silent') return NO_PROGRESS;
  return (line) => write(`${line}\n`);
}

/** The address to type into a browser on this machine for a server listening on host:port. */
export function browserUrl(host: string, port: number, tls: boolean): string {
  const scheme = tls ? 'https' : 'http';
  // A wildcard address is not one a browser can open; the machine itself answers on loopback.
  const wildcard = host === '0.0.0.0' || host === '::' || host === '' || host === '[::]';
  const name = wildcard ? '127.0.0.1' : host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `${scheme}://${name}:${port}`;
}
