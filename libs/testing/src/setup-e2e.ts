import { recordedServerErrors } from './server-errors';

afterAll(() => {
  // No 5xx outside a fault window, in any test of this file.
  expect(recordedServerErrors()).toEqual([]);
});
