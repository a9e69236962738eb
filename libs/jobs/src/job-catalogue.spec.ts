import { assertValidJobId, isJobName, JOBS, QUEUES } from './job-catalogue';

describe('the job catalogue', () => {
  it('puts every job on a known queue with bounded retries', () => {
    for (const [name, job] of Object.entries(JOBS)) {
      expect(QUEUES).toContain(job.queue);
      expect(job.options.attempts).toBeGreaterThan(0);
      expect(isJobName(name)).toBe(true);
    }
    expect(isJobName('no-such-job')).toBe(false);
  });

  it.each(['reminder-1b2c-7d-2026-01-05', 'heartbeat-x'])('accepts %s as a job id', (id) => {
    expect(() => assertValidJobId(id)).not.toThrow();
  });

  it.each(['reminder:1', '42', ''])('refuses %p as a job id', (id) => {
    expect(() => assertValidJobId(id)).toThrow(/Invalid job id/);
  });
});
