/**
 * `npm run bench`: every speed figure with its baseline from the same run. Prints Markdown;
 * `--write` also replaces the results section of BENCHMARKS.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { browserBench } from './bench/browser';
import { fitBench } from './bench/fit';
import { patternBench } from './bench/pattern';
import { peopleBench } from './bench/people';
import { regexBench } from './bench/regex';
import { storeBench } from './bench/store';
import { recordBench } from './bench/record';
import { importBench } from './bench/imports';
import { exportBench } from './bench/exports';
import { syncBench } from './bench/sync';
import { splitBench } from './bench/split';

const sections = [
  `Run: ${new Date().toISOString().slice(0, 16)} UTC, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}.`,
  '',
  await browserBench(),
  await splitBench(),
  await peopleBench(),
  await fitBench(),
  await patternBench(),
  await regexBench(),
  await storeBench(),
  await recordBench(),
  await importBench(),
  await exportBench(),
  await syncBench(),
];
const report = sections.join('\n');
console.log(report);

if (process.argv.includes('--write')) {
  const file = 'BENCHMARKS.md';
  const current = readFileSync(file, 'utf8');
  const marker = '<!-- results -->';
  const head = current.includes(marker)
    ? current.slice(0, current.indexOf(marker) + marker.length)
    : `${current.trimEnd()}\n\n${marker}`;
  writeFileSync(file, `${head}\n\n${report}\n`);
  console.log(`\nWrote ${file}`);
}
