import { runScan, UsageError } from './scan';

try {
  const result = await runScan(process.argv.slice(2));
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`scan: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`scan: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
}
