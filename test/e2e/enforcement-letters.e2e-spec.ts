import { getDataSourceToken } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from '@hausakte/testing';
import type { CatalogueEntry } from '../support/inspection-fixtures';
import {
  CaseFixture,
  daysFromToday,
  defaultPeriodEntries,
  downloadBytes,
  openCaseWithDefects,
  pdfText,
  RecordLetter,
  today,
} from '../support/enforcement-fixtures';

type SignedIn = Awaited<ReturnType<TestApi['signIn']>>;

interface Hearing {
  id: string;
  status: string;
  replyDueOn: string | null;
  letters: RecordLetter[];
}

interface Order {
  id: string;
  status: string;
  letters: RecordLetter[];
  detail?: string;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const flat = (text: string) => text.replace(/\s+/g, ' ');
const german = (date: string) => date.split('-').reverse().join('.');
const SKIP = 'Gefahr im Verzug (§ 28 Abs. 2 Nr. 1 VwVfG NRW)';

describe('enforcement: the letters of hearings and orders', () => {
  let api: TestApi;
  let db: DataSource;
  let officer: SignedIn;
  let inspector: SignedIn;
  let manager: SignedIn;
  let entries: Record<'A' | 'B' | 'C', CatalogueEntry>;
  let streets = 0;

  beforeAll(async () => {
    api = await startTestApi();
    db = api.app.get<DataSource>(getDataSourceToken());
    officer = await api.signIn('officer');
    inspector = await api.signIn('inspector');
    manager = await api.signIn('manager');
    entries = await defaultPeriodEntries(api, officer.token);
  });

  afterAll(async () => {
    await api?.close();
  });

  const newCase = (severities: Array<'A' | 'B' | 'C'>) => {
    const street = `Briefweg ${++streets}-${process.pid}`;
    return openCaseWithDefects(
      api,
      { officer: officer.token, inspector: inspector.token, inspectorId: inspector.id },
      { street, entries: severities.map((severity) => entries[severity]) },
    ).then((fixture) => ({ ...fixture, landlordName: `Vermieterin ${street}` }));
  };

  const post = <T>(path: string, body: unknown = {}) =>
    api.request<T>('POST', path, { token: officer.token, body });

  const titlesOf = async (defectIds: string[]): Promise<string[]> => {
    const rows: Array<{ title_de: string }> = await db.query(
      `SELECT ci.title_de FROM defects d JOIN catalogue_items ci ON ci.id = d.catalogue_item_id
        WHERE d.id = ANY($1::uuid[])`,
      [defectIds],
    );
    return rows.map((row) => row.title_de);
  };

  const lettersOfReference = async (reference: string, kind: string): Promise<number> => {
    const [{ n }]: Array<{ n: number }> = await db.query(
      `SELECT count(*)::int AS n FROM letters WHERE reference = $1 AND kind = $2`,
      [reference, kind],
    );
    return n;
  };

  const draftOrder = async (fixture: CaseFixture): Promise<Order> => {
    const response = await post<Order>(`/api/v1/cases/${fixture.caseId}/orders`, {
      kind: 'repair',
      hearingSkippedReason: SKIP,
      immediatelyEnforceable: true,
      immediateEnforcementReasoning: 'Im Schlafzimmer schlafen zwei Kleinkinder.',
      items: [
        {
          requirement: 'Beseitigen Sie den Schimmelbefall im Schlafzimmer fachgerecht.',
          defectIds: [fixture.defectIds[0]],
          threatenedFineCents: 50_000,
        },
        {
          requirement: 'Setzen Sie die Fenster im Kinderzimmer instand.',
          defectIds: [fixture.defectIds[1]],
          threatenedFineCents: 150_000,
          periodOverride: { unit: 'days', amount: 14, reason: 'Beginnende Heizperiode' },
        },
      ],
    });
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    return response.body;
  };

  it('sends a hearing with its letter: stored once, downloaded as issued, the read audited', async () => {
    const fixture = await newCase(['C', 'B']);
    const drafted = await post<Hearing>(`/api/v1/cases/${fixture.caseId}/hearings`, {
      defectIds: fixture.defectIds,
      replyDays: 14,
    });
    expect(drafted.status).toBe(201);
    expect(drafted.body.letters).toEqual([]);
    const sent = await post<Hearing>(`/api/v1/hearings/${drafted.body.id}/send`, {
      delivery: { method: 'ordinary_post', postedOn: today() },
    });
    expect(sent.status).toBe(200);
    expect(sent.body.letters).toEqual([
      {
        id: expect.any(String),
        landlordId: fixture.landlordId,
        templateKey: 'hearing',
        templateVersion: expect.any(Number),
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        byteSize: expect.any(Number),
        createdAt: expect.any(String),
      },
    ]);
    const [letter] = sent.body.letters;
    const path = `/api/v1/hearings/${drafted.body.id}/letters/${letter.id}`;

    const file = await downloadBytes(api, path, officer.token);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="hearing-${letter.id}.pdf"`,
    );
    expect(sha256(file.bytes)).toBe(letter.sha256);
    expect(file.bytes.length).toBe(letter.byteSize);

    const text = flat(await pdfText(file.bytes));
    expect(text).toContain(fixture.landlordName);
    expect(text).toContain(fixture.reference);
    for (const title of await titlesOf(fixture.defectIds)) expect(text).toContain(title);
    expect(text).toContain('Befund 1');
    expect(text).toContain('Befund 2');
    expect(text).toContain('Raum 1');
    expect(text).toContain('Raum 2');
    expect(text).toContain(`bis zum ${german(sent.body.replyDueOn!)}`);

    const audited: Array<{ after: Record<string, unknown> }> = await db.query(
      `SELECT after FROM audit_log WHERE action = 'letter.read' AND entity_id = $1`,
      [letter.id],
    );
    expect(audited).toEqual([{ after: { hearingId: drafted.body.id, caseId: fixture.caseId } }]);

    const again = await api.request<Hearing>('GET', `/api/v1/hearings/${drafted.body.id}`, {
      token: officer.token,
    });
    expect(again.body.letters).toEqual(sent.body.letters);

    for (const other of [manager, inspector]) {
      expect((await downloadBytes(api, path, other.token)).status).toBe(403);
    }
    const unknown = await downloadBytes(
      api,
      `/api/v1/hearings/${drafted.body.id}/letters/${randomUUID()}`,
      officer.token,
    );
    expect(unknown.status).toBe(404);
  });

  it('issues an order with its letter once: periods as periods, fines, remedies, no due date', async () => {
    const fixture = await newCase(['B', 'B']);
    const drafted = await draftOrder(fixture);
    expect(drafted.letters).toEqual([]);

    const issued = await post<Order>(`/api/v1/orders/${drafted.id}/issue`);
    expect(issued.status).toBe(200);
    expect(issued.body.letters).toHaveLength(1);
    const [letter] = issued.body.letters;
    expect(letter).toMatchObject({ landlordId: fixture.landlordId, templateKey: 'repair_order' });

    const path = `/api/v1/orders/${drafted.id}/letters/${letter.id}`;
    const file = await downloadBytes(api, path, officer.token);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="repair_order-${letter.id}.pdf"`,
    );
    expect(sha256(file.bytes)).toBe(letter.sha256);

    const text = flat(await pdfText(file.bytes));
    expect(text).toContain(fixture.landlordName);
    expect(text).toContain(fixture.reference);
    expect(text).toContain('Beseitigen Sie den Schimmelbefall im Schlafzimmer fachgerecht.');
    expect(text).toContain('Setzen Sie die Fenster im Kinderzimmer instand.');
    expect(text).toContain('innerhalb von 30 Tagen nach Zustellung dieses Bescheids');
    expect(text).toContain('innerhalb von 14 Tagen nach Zustellung dieses Bescheids');
    expect(text).toContain(
      'Nr. 1 nicht fristgerecht erfüllen, wird Ihnen ein Zwangsgeld in Höhe von 500,00 EUR',
    );
    expect(text).toContain(
      'Nr. 2 nicht fristgerecht erfüllen, wird Ihnen ein Zwangsgeld in Höhe von 1.500,00 EUR',
    );
    expect(text).toContain('Anordnung der sofortigen Vollziehung');
    expect(text).toContain('Im Schlafzimmer schlafen zwei Kleinkinder.');
    expect(text).toContain('§§ 4, 5 und 6');
    expect(text).toContain('Rechtsbehelfsbelehrung');
    expect(text).toContain('Verwaltungsgericht Gelsenkirchen');
    expect(text).toContain(SKIP);
    // Due dates exist once service is recorded: the letter states periods only.
    for (const days of [14, 30, 31, 34]) expect(text).not.toContain(german(daysFromToday(days)));

    // Issuing is once: a second issue is refused and renders nothing.
    const count = await lettersOfReference(fixture.reference, 'order');
    expect(count).toBe(1);
    const twice = await post<Order>(`/api/v1/orders/${drafted.id}/issue`);
    expect(twice.status).toBe(409);
    expect(await lettersOfReference(fixture.reference, 'order')).toBe(1);
    const again = await api.request<Order>('GET', `/api/v1/orders/${drafted.id}`, {
      token: officer.token,
    });
    expect(again.body.letters).toEqual(issued.body.letters);

    for (const other of [manager, inspector]) {
      expect((await downloadBytes(api, path, other.token)).status).toBe(403);
    }

    // Another order's letter is not this order's (nor a hearing's).
    const other = await newCase(['B', 'B']);
    const otherOrder = await draftOrder(other);
    const otherIssued = await post<Order>(`/api/v1/orders/${otherOrder.id}/issue`);
    expect(otherIssued.status).toBe(200);
    const foreign = otherIssued.body.letters[0].id;
    expect(
      (await downloadBytes(api, `/api/v1/orders/${drafted.id}/letters/${foreign}`, officer.token))
        .status,
    ).toBe(404);
    expect(
      (
        await downloadBytes(
          api,
          `/api/v1/orders/${randomUUID()}/letters/${letter.id}`,
          officer.token,
        )
      ).status,
    ).toBe(404);
  });

  it('previews a draft’s letter without storing it; an issued order has its letters instead', async () => {
    const fixture = await newCase(['B', 'B']);
    const drafted = await draftOrder(fixture);
    const response = await fetch(`${api.baseUrl}/api/v1/orders/${drafted.id}/letter-preview`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const text = flat(await pdfText(Buffer.from(await response.arrayBuffer())));
    expect(text).toContain(fixture.landlordName);
    expect(text).toContain('innerhalb von 14 Tagen nach Zustellung dieses Bescheids');
    expect(await lettersOfReference(fixture.reference, 'order')).toBe(0);

    expect((await post(`/api/v1/orders/${drafted.id}/issue`)).status).toBe(200);
    expect((await post(`/api/v1/orders/${drafted.id}/letter-preview`)).status).toBe(409);
  });
});
