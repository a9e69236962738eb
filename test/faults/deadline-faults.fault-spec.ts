import { DrillReport, FaultDrill, formatReport, TEST_DRILL } from './fault-harness';

/**
 * Reminders are never lost (issue #5, ARCHITECTURE.md "Jobs"): about 500 order items whose
 * deadlines are compressed to seconds, the real worker as a child process, and while reminders
 * are due: the worker SIGKILLed at random points and while it sends e-mails, Redis stopped and
 * started empty, PostgreSQL crashed and started again, two workers at once. 5 s outages. All on
 * servers the test starts itself (see fault-harness.ts); the shared ones are never touched.
 */
/** The drill takes about 4 minutes on the 2-core machine; the issue allows 5. */
const DRILL_TIMEOUT_MS = 5 * 60_000;

describe('deadline jobs under faults', () => {
  let drill: FaultDrill | undefined;
  let report: DrillReport;

  beforeAll(async () => {
    drill = new FaultDrill({
      ...TEST_DRILL,
      log: (line) => process.stdout.write(`faults: ${line}\n`),
    });
    try {
      report = await drill.run();
    } finally {
      // Stopped and removed here, whatever happened: nothing is left behind.
      await drill.close();
    }
    process.stdout.write(`\n${formatReport(report)}\n\n`);
  }, DRILL_TIMEOUT_MS);

  afterAll(async () => {
    await drill?.close();
  }, 60_000);

  it('had reminders due throughout and ran every one of them', () => {
    // Jobs came due throughout the faults (how many depends on how fast the drill ran).
    expect(report.due).toBeGreaterThan(TEST_DRILL.items / 2);
    expect(report.missing).toBe(0);
    expect(report.done).toBe(report.due);
  });

  it('put each of them in the inbox exactly once', () => {
    expect(report.doneWithoutNotification).toBe(0);
    expect(report.inboxDuplicates).toBe(0);
  });

  it('sent no e-mail twice but for SIGKILLs that hit a send, and lost none', () => {
    expect(report.mailDuplicates).toBeLessThanOrEqual(report.sigkillsHittingSend);
    expect(report.mailsLost).toBe(0);
    // What is not sent yet is only what a killed sender holds until its claim's lease ends.
    expect(report.mailsOutstanding).toBeLessThanOrEqual(
      report.faults.reduce((sum, fault) => sum + fault.heldMails, 0),
    );
  });

  it('recovered from every fault within 2 minutes', () => {
    expect(report.faults.length).toBeGreaterThanOrEqual(5);
    for (const fault of report.faults) {
      expect({ fault: fault.fault, recovered: fault.recoveryMs !== null }).toEqual({
        fault: fault.fault,
        recovered: true,
      });
      expect(fault.recoveryMs).toBeLessThanOrEqual(120_000);
    }
  });
});
