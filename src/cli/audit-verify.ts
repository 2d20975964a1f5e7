import { openCli } from './cli-context.ts';

// npm run audit:verify — walks the audit chain; exits 1 naming the first broken row.
const cli = await openCli();
try {
  const result = await cli.services.audit.verify();
  if (result.ok) {
    console.log(`Audit trail intact: ${result.rows} rows verified.`);
  } else {
    const { seq, id, reason } = result.brokenAt;
    console.error(
      `Audit trail BROKEN at row seq=${seq} id=${id}: ${reason}. ${result.rows} rows before it are intact.`,
    );
    process.exitCode = 1;
  }
} finally {
  await cli.close();
}
