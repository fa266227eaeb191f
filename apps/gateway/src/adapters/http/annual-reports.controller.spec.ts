import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AggregateAnnualReportsUseCase } from '../../use-cases/aggregate-annual-reports/aggregate-annual-reports.use-case.js';
import { AnnualReportsController } from './annual-reports.controller.js';
import { HttpTestApp, actorWith } from './testing/http-test-app.js';

describe('AnnualReportsController', () => {
  let http: HttpTestApp;
  const aggregate = { execute: vi.fn(async () => ({ year: 2025, tables: {} })) };

  beforeAll(async () => {
    http = await HttpTestApp.start(AnnualReportsController, { providers: [{ provide: AggregateAnnualReportsUseCase, useValue: aggregate }] });
  });
  afterAll(() => http.close());

  it('aggregates the year asked for; the year is required and within 1900–2100', async () => {
    const principal = actorWith(['principal']);
    expect((await http.request('GET', '/api/v1/annual-reports/aggregate?year=2025', { as: principal })).statusCode).toBe(200);
    expect(aggregate.execute).toHaveBeenCalledWith(expect.objectContaining({ userId: principal.userId }), expect.any(String), 2025);
    expect((await http.request('GET', '/api/v1/annual-reports/aggregate', { as: principal })).json()).toMatchObject({ code: 'REQUEST.INVALID', details: { errors: [expect.objectContaining({ field: 'year' })] } });
    expect((await http.request('GET', '/api/v1/annual-reports/aggregate?year=3000', { as: principal })).statusCode).toBe(400);
  });
});
