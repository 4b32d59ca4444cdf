#!/usr/bin/env node
// The public surface of each entry point as an API Extractor report in etc/, read from the
// declarations `npm run build` writes to dist/.
//
//   npm run api:check    # CI: fails if an export or its type changed and etc/*.api.md was not updated
//   npm run api:update   # locally: rewrites etc/*.api.md; commit the diff for review
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CONFIGS = ['api-extractor.json', 'etc/api-extractor.testing.json', 'etc/api-extractor.testing-fixtures.json'];
const update = process.argv.includes('--update');

let failed = false;
for (const file of CONFIGS) {
  const config = ExtractorConfig.loadFileAndPrepare(join(ROOT, file));
  if (!existsSync(config.mainEntryPointFilePath)) {
    console.error(`api-report: ${relative(ROOT, config.mainEntryPointFilePath)} is missing: run npm run build first`);
    process.exit(1);
  }
  const result = Extractor.invoke(config, { localBuild: update, showVerboseMessages: false });
  const report = relative(ROOT, config.reportFilePath);
  if (result.apiReportChanged && !update) {
    console.error(
      `api-report: the public API of ${relative(ROOT, config.mainEntryPointFilePath)} differs from ${report}.\n` +
        `  If the change is meant, run npm run build && npm run api:update and commit ${report} with it.`,
    );
    // What changed, for the CI log (diff exits 1 when the files differ).
    spawnSync('diff', ['-u', config.reportFilePath, config.reportTempFilePath], { stdio: 'inherit' });
    failed = true;
  } else if (result.errorCount > 0) {
    // Warnings (a type used by an export but not exported itself) are logged above, not fatal.
    console.error(`api-report: ${file}: ${result.errorCount} error(s)`);
    failed = true;
  } else {
    console.log(`api-report: ${report} ${result.apiReportChanged ? 'updated' : 'unchanged'}`);
  }
}
process.exit(failed ? 1 : 0);
