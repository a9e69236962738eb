import { recordedServerErrors } from './server-errors';

// An e2e test starts apps, renders PDFs and waits for workers on a 2-core machine that may be
// busy: 5 s (Jest's default) fails on load, not on behaviour. Timings are benchmarks' business.
jest.setTimeout(30_000);

afterAll(() => {
  // No 5xx outside a fault window, in any test of this file.
  expect(recordedServerErrors()).toEqual([]);
});
