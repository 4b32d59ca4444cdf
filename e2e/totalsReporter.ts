import type { FullResult, Reporter, TestCase, TestResult } from 'playwright/types/testReporter';

/** Ends the run with one plain `N passed, N failed[, N skipped]` line, like the unit tests' reporter, for .ci/run. */
export default class TotalsReporter implements Reporter {
  private readonly counts = { passed: 0, failed: 0, skipped: 0 };

  onTestEnd(test: TestCase, result: TestResult) {
    // Counted once per test, on its final attempt.
    if (result.status !== 'passed' && result.retry < test.retries) return;
    if (result.status === 'passed') this.counts.passed += 1;
    else if (result.status === 'skipped') this.counts.skipped += 1;
    else this.counts.failed += 1;
  }

  onEnd(result: FullResult) {
    // A run that fails outside any test (global setup) counts as a failure, not as silence.
    if (result.status !== 'passed' && this.counts.failed === 0) this.counts.failed += 1;
    const skipped = this.counts.skipped > 0 ? `, ${this.counts.skipped} skipped` : '';
    process.stdout.write(`\n${this.counts.passed} passed, ${this.counts.failed} failed${skipped}\n`);
  }

  printsToStdio() {
    return false;
  }
}
