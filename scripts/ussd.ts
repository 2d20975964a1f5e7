import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { browserUrl } from '../src/platform/startup-progress.ts';

/*
 * npm run ussd -- --phone +250788123456 [--url http://127.0.0.1:3000] [--secret …] [--code *123#]
 * Dials the running service like a phone on the gateway: type an answer, Enter to send; the
 * session ends on an END screen or with Ctrl-D. Start the service first (npm start). Without
 * --url it dials the address `npm start` listens on: HOST and PORT, as the server reads them.
 */
const { values } = parseArgs({
  options: {
    phone: { type: 'string' },
    url: { type: 'string', default: process.env.USSD_URL ?? defaultUrl(process.env) },
    secret: { type: 'string', default: process.env.USSD_SECRET },
    code: { type: 'string', default: '*123#' },
  },
});
if (!values.phone) {
  console.error('Usage: npm run ussd -- --phone +250788123456 [--url http://127.0.0.1:3000] [--secret S]');
  process.exit(2);
}

const base = values.url.replace(/\/$/, '');
const sessionId = randomUUID();
const inputs: string[] = [];

/** Where `npm start` listens with these HOST/PORT (a wildcard address is reached on loopback). */
function defaultUrl(env: NodeJS.ProcessEnv): string {
  return browserUrl(env.HOST ?? '', Number(env.PORT || 3000), false);
}

/** A sentence for the person at the terminal instead of a stack trace; the process then exits 1. */
class Stop extends Error {}

async function hop(): Promise<string> {
  let res: Response;
  try {
    res = await fetch(`${base}/ussd`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(values.secret ? { 'x-ussd-secret': values.secret } : {}),
      },
      body: new URLSearchParams({
        sessionId,
        serviceCode: values.code,
        phoneNumber: values.phone ?? '',
        networkCode: '63510',
        text: inputs.join('*'),
      }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw new Stop(unreachable(error));
  }
  const body = await res.text();
  if (!res.ok) {
    const hint =
      res.status === 403 || res.status === 404 ? ' (a service with USSD_SECRET set wants --secret)' : '';
    throw new Stop(`The service at ${base} answered ${res.status}${hint}: ${body.slice(0, 300)}`);
  }
  return body;
}

function unreachable(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as NodeJS.ErrnoException | undefined) : undefined;
  const code = cause?.code ?? (error instanceof Error ? error.name : '');
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EHOSTUNREACH') {
    return `Nothing is listening on ${base}; start the service with npm start (or pass --url).`;
  }
  if (code === 'TimeoutError')
    return `${base} did not answer within 15 s; is the service there busy or stuck?`;
  return `Could not reach ${base} (${code || String(error)}); start the service with npm start (or pass --url).`;
}

// Lines are read as a stream so answers piped in ahead of time are not lost.
const terminal = createInterface({ input: process.stdin });
const answers = terminal[Symbol.asyncIterator]();
try {
  for (;;) {
    const screen = await hop();
    console.log(`\n${'-'.repeat(32)}\n${screen.slice(4)}\n${'-'.repeat(32)}  (${screen.length} characters)`);
    if (screen.startsWith('END')) break;
    process.stdout.write('> ');
    const answer = await answers.next();
    if (answer.done) break;
    inputs.push(answer.value.trim());
  }
} catch (error) {
  if (!(error instanceof Stop)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  terminal.close();
}
