import { cpus, loadavg, totalmem } from 'node:os';
import { DrillOptions, FaultDrill, formatReport, TEST_DRILL } from '../test/faults/fault-harness';

export interface FaultsOptions {
  items: number;
  /** Seconds each outage lasts. */
  outageS: number;
  /** SIGKILLs of the single worker (a further one kills one of two workers). */
  kills: number;
  /** Seconds of real time over which the deadlines fall. */
  spanS: number;
  secondsPerDay: number;
  /** Wait for the e-mails held by a killed sender's claim (5 min lease) before counting. */
  awaitHeldMails: boolean;
}

export const FAULTS_DEFAULTS: FaultsOptions = {
  items: 10_000,
  outageS: 30,
  kills: 2,
  spanS: 1_200,
  secondsPerDay: 10,
  awaitHeldMails: true,
};

/**
 * The fault drill of test/faults at scale: 10,000 order items whose deadlines fall over 20 minutes
 * of real time (a calendar day lasts 10 s), 30 s outages: the worker SIGKILLed (at a random point,
 * then during a send), Redis stopped and started empty, PostgreSQL crashed, two workers with one
 * SIGKILLed. On servers of its own (never the shared ones). Prints the same figures as the test.
 */
export async function faults(options: FaultsOptions): Promise<void> {
  const load = loadavg()[0];
  const drillOptions: DrillOptions = {
    ...TEST_DRILL,
    items: options.items,
    outageMs: options.outageS * 1000,
    kills: options.kills,
    spanSeconds: options.spanS,
    secondsPerDay: options.secondsPerDay,
    awaitHeldMails: options.awaitHeldMails,
    log: (line) => console.log(line),
  };
  const drill = new FaultDrill(drillOptions);
  const stop = () => {
    void drill.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const report = await drill.run();
    console.log(
      `\nnpm run bench -- faults: ${options.items} items, ${options.outageS} s outages, ` +
        `${options.secondsPerDay} s per calendar day; ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ` +
        `${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; ` +
        `load average ${load.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end\n`,
    );
    console.log(formatReport(report));
    const targets = [
      ['0 reminders missing', report.missing === 0],
      ['0 duplicates in the inbox', report.inboxDuplicates === 0],
      [
        'e-mail duplicates ≤ SIGKILLs that hit a send',
        report.mailDuplicates <= report.sigkillsHittingSend,
      ],
      [
        'recovery ≤ 2 min after every fault',
        report.faults.every((fault) => fault.recoveryMs !== null && fault.recoveryMs <= 120_000),
      ],
    ] as const;
    console.log('\ntargets:');
    for (const [target, met] of targets) console.log(`  ${met ? 'met   ' : 'MISSED'}  ${target}`);
    if (targets.some(([, met]) => !met)) process.exitCode = 1;
  } finally {
    await drill.close();
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
  }
}
