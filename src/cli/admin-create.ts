import { AppError } from '../platform/http/errors.ts';
import { argValue, openCli } from './cli-context.ts';
import { readSecret } from './read-secret.ts';

// npm run admin:create -- --name "Ada" --email ada@example.org [--phone +250…]
// There are no default accounts: the first admin is made here, by someone with shell access.
const args = process.argv.slice(2);
const name = argValue(args, 'name');
const email = argValue(args, 'email');
const phone = argValue(args, 'phone');
if (!name || (!email && !phone)) {
  console.error('Usage: npm run admin:create -- --name "Full Name" (--email address | --phone number)');
  console.error('The password is asked for at the terminal, or read from the first line of standard input.');
  process.exit(2);
}

const password = await readSecret('Password for the new admin (at least 8 characters): ');
const cli = await openCli();
try {
  const user = await cli.services.users.create(
    { name, email, phone, password, role: 'admin', acceptTerms: true },
    cli.context,
  );
  console.log(`Created admin account ${user.id}.`);
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  console.error(`Not created: ${error.message}`);
  process.exitCode = 1;
} finally {
  await cli.close();
}
