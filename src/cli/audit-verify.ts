import type { KeptHead, VerifyResult } from '../modules/audit/service.ts';
import { argValue, openCli } from './cli-context.ts';

/*
 * npm run audit:verify — walks the audit chain from the purge anchor to the head; exits 1 naming
 * the first broken row. It prints the head: keep that line somewhere the database's writers
 * cannot reach (a ticket, the operators' log). Someone who deletes the newest rows AND puts back
 * an old copy of the head is caught only by such a copy: `npm run audit:verify -- --head
 * <seq>:<hash>` then checks that the head you kept is still in the chain.
 */
const keptArg = argValue(process.argv.slice(2), 'head');
const kept = keptArg === undefined ? undefined : parseKeptHead(keptArg);
if (kept === null) {
  console.error('--head takes the line audit:verify printed before: <seq>:<hash> (at least 16 hex digits).');
  process.exit(2);
}

const cli = await openCli();
try {
  const result = await cli.services.audit.verify(kept);
  if (result.ok) {
    const extra = [
      result.legacyRows > 0 ? `${result.legacyRows} in the old unkeyed format` : '',
      result.erasedIds > 0 ? `${result.erasedIds} ids erased` : '',
      result.purgedThrough > 0 ? `rows up to seq=${result.purgedThrough} purged by retention` : '',
    ].filter(Boolean);
    console.log(
      `Audit trail intact: ${result.rows} rows verified${extra.length ? ` (${extra.join('; ')})` : ''}.`,
    );
    if (result.kept === 'found') console.log('The head you kept is still in the chain.');
    if (result.kept === 'purged') console.log('The head you kept has since been purged by retention.');
  } else {
    const { seq, id, reason } = result.brokenAt;
    console.error(
      `Audit trail BROKEN at row seq=${seq}${id ? ` id=${id}` : ''}: ${reason}. ${result.rows} rows before it are intact.`,
    );
    process.exitCode = 1;
  }
  console.log(headLine(result));
} finally {
  await cli.close();
}

function headLine(result: VerifyResult): string {
  const head = `Head: ${result.head.seq}:${result.head.hash.slice(0, 16)}`;
  return result.ok ? `${head} (keep a copy outside the database; check it later with --head)` : head;
}

function parseKeptHead(text: string): KeptHead | null {
  const match = /^(\d+):([0-9a-f]{16,64})$/i.exec(text.trim());
  if (!match?.[1] || !match[2]) return null;
  return { seq: Number(match[1]), hashPrefix: match[2].toLowerCase() };
}
