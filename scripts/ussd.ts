import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

/*
 * npm run ussd -- --phone +250788123456 [--url http://127.0.0.1:3000] [--secret …] [--code *123#]
 * Dials the running service like a phone on the gateway: type an answer, Enter to send; the
 * session ends on an END screen or with Ctrl-D. Start the service first (npm start).
 */
const { values } = parseArgs({
  options: {
    phone: { type: 'string' },
    url: { type: 'string', default: process.env.USSD_URL ?? 'http://127.0.0.1:3000' },
    secret: { type: 'string', default: process.env.USSD_SECRET },
    code: { type: 'string', default: '*123#' },
  },
});
if (!values.phone) {
  console.error('Usage: npm run ussd -- --phone +250788123456 [--url http://127.0.0.1:3000] [--secret S]');
  process.exit(2);
}

const sessionId = randomUUID();
const inputs: string[] = [];
const endpoint = `${values.url.replace(/\/$/, '')}/ussd`;

async function hop(): Promise<string> {
  const res = await fetch(endpoint, {
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
  });
  const body = await res.text();
  if (!res.ok) throw new Error(`The service answered ${res.status}: ${body}`);
  return body;
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
} finally {
  terminal.close();
}
