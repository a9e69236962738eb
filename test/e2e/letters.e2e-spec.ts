import { getDataSourceToken } from '@nestjs/typeorm';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  DEFAULT_COURT,
  type IssuedLetterDto,
  type LetterData,
  LetterIntegrityError,
  LettersService,
  type LetterTemplateDto,
  renderLetterPdf,
} from '@hausakte/enforcement';
import {
  APP_CONFIG,
  type AppConfig,
  RequestContext,
  TransactionHost,
  ValidationProblem,
} from '@hausakte/platform';
import { startTestApi, TestApi } from '@hausakte/testing';

type SignedIn = Awaited<ReturnType<TestApi['signIn']>>;
type Problem = {
  status: number;
  errors?: Array<{ field: string; message: string }>;
  current?: LetterTemplateDto;
};

const TEMPLATES = '/api/v1/letter-templates';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** pdf-parse in a plain Node process: pdf.js loads its worker by a dynamic import Jest refuses. */
function pdfText(pdf: Buffer): Promise<string> {
  const script = `const { PDFParse } = require('pdf-parse'); const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', async () => { const p = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
      const { text } = await p.getText(); await p.destroy(); process.stdout.write(text); });`;
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['-e', script], (error, stdout) =>
      error ? reject(new Error(error.message)) : resolve(stdout),
    );
    child.stdin!.end(pdf);
  });
}

function sampleData(overrides: Partial<LetterData> = {}): LetterData {
  return {
    date: '2026-03-02',
    addressee: {
      name: 'Erika Müller-Lüdenscheidt',
      addressLines: ['Große Straße 5', '44623 Herne'],
    },
    property: { address: 'Bahnhofstraße 12, 44623 Herne' },
    officer: { name: 'Olaf Yıldız' },
    items: [
      {
        text: 'Beseitigen Sie den Schimmelbefall im Bad der Wohnung 2. OG rechts.',
        period: { unit: 'days', amount: 30 },
        coerciveFineCents: 50_000,
      },
      {
        text: 'Setzen Sie die Gastherme wieder in Betrieb.',
        period: { unit: 'hours', amount: 24 },
        coerciveFineCents: 100_000,
      },
    ],
    replyBy: '2026-03-20',
    reasoning: ['Bei der Ortsbesichtigung am 12.02.2026 wurden die Mängel festgestellt.'],
    ...overrides,
  };
}

describe('letters: templates, previews and issued letters', () => {
  let api: TestApi;
  let db: DataSource;
  let storageDir: string;
  let admin: SignedIn;
  let officer: SignedIn;
  let manager: SignedIn;
  let inspector: SignedIn;

  beforeAll(async () => {
    api = await startTestApi();
    db = api.app.get<DataSource>(getDataSourceToken());
    storageDir = api.app.get<AppConfig>(APP_CONFIG).LETTER_STORAGE_DIR;
    [admin, officer, manager, inspector] = await Promise.all([
      api.signIn('admin'),
      api.signIn('officer'),
      api.signIn('manager'),
      api.signIn('inspector'),
    ]);
  });

  afterAll(async () => {
    await api?.close();
  });

  /** The preview as raw bytes (the harness reads bodies as text). */
  const preview = async (key: string, body: unknown, token = officer.token) => {
    const response = await fetch(`${api.baseUrl}${TEMPLATES}/${key}/preview`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { response, bytes: Buffer.from(await response.arrayBuffer()) };
  };

  /** Issues a letter as the officer would through an order, in its own transaction. */
  const issue = (input: Parameters<LettersService['issue']>[0]) =>
    api.app.get(RequestContext).run(officer.id, () => api.app.get(LettersService).issue(input));

  describe('templates (admins)', () => {
    it('lists the shipped templates, each naming the Verwaltungsgericht Gelsenkirchen', async () => {
      const list = await api.request<{ items: LetterTemplateDto[]; total: number }>(
        'GET',
        TEMPLATES,
        { token: admin.token },
      );
      expect(list.status).toBe(200);
      expect(list.body.items.map((t) => t.key)).toEqual([
        'cooperation_order',
        'hearing',
        'occupancy_order',
        'repair_order',
        'uninhabitability_order',
      ]);
      for (const template of list.body.items) expect(template.content.court).toBe(DEFAULT_COURT);
      expect(list.body.items.find((t) => t.key === 'hearing')).toMatchObject({
        kind: 'hearing',
        title: 'Anhörung (§ 28 VwVfG NRW)',
      });
    });

    it('a change is a new version; a stale If-Match is 412 with the current one', async () => {
      const current = await api.request<LetterTemplateDto>('GET', `${TEMPLATES}/occupancy_order`, {
        token: admin.token,
      });
      expect(current.status).toBe(200);
      expect(current.headers.get('etag')).toBe(`"${current.body.version}"`);
      const version = current.body.version;

      const intro = ['auf dem Grundstück {{property.address}} ist der Wohnraum überbelegt.'];
      const changed = await api.request<LetterTemplateDto>(
        'PATCH',
        `${TEMPLATES}/occupancy_order`,
        { token: admin.token, headers: { 'if-match': `"${version}"` }, body: { intro } },
      );
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ version: version + 1, createdBy: admin.id });
      expect(changed.body.content.intro).toEqual(intro);
      expect(changed.body.content.legalRemedies).toEqual(current.body.content.legalRemedies);
      expect(changed.body.id).not.toBe(current.body.id);

      const stale = await api.request<Problem>('PATCH', `${TEMPLATES}/occupancy_order`, {
        token: admin.token,
        headers: { 'if-match': `"${version}"` },
        body: { intro: ['zu spät'] },
      });
      expect(stale.status).toBe(412);
      expect(stale.body.current).toMatchObject({ version: version + 1, content: { intro } });

      const audit: Array<{ before: { version: number }; after: { version: number } }> =
        await db.query(
          `SELECT before, after FROM audit_log WHERE action = 'letter_template.updated' AND entity_id = 'occupancy_order'`,
        );
      expect(audit.map((a) => [a.before.version, a.after.version])).toEqual([
        [version, version + 1],
      ]);
    });

    it('the same content again stores no new version', async () => {
      const current = await api.request<LetterTemplateDto>('GET', `${TEMPLATES}/hearing`, {
        token: admin.token,
      });
      const again = await api.request<LetterTemplateDto>('PATCH', `${TEMPLATES}/hearing`, {
        token: admin.token,
        headers: { 'if-match': `"${current.body.version}"` },
        body: { closing: current.body.content.closing },
      });
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(current.body.id);
    });

    it('refuses unknown placeholders, an order without the court, null and a missing If-Match', async () => {
      const { body: current } = await api.request<LetterTemplateDto>(
        'GET',
        `${TEMPLATES}/repair_order`,
        { token: admin.token },
      );
      const patch = (
        body: unknown,
        headers: Record<string, string> = { 'if-match': `"${current.version}"` },
      ) =>
        api.request<Problem>('PATCH', `${TEMPLATES}/repair_order`, {
          token: admin.token,
          headers,
          body,
        });

      const unknown = await patch({ intro: ['Hallo {{addressee.vorname}}'] });
      expect(unknown.status).toBe(422);
      expect(unknown.body.errors).toEqual([
        { field: 'intro[0]', message: 'unknown placeholder {{addressee.vorname}}' },
      ]);

      const noCourt = await patch({
        legalRemedies: { heading: 'Rechtsbehelfsbelehrung', paragraphs: ['Klage ist möglich.'] },
      });
      expect(noCourt.status).toBe(422);
      expect(noCourt.body.errors?.[0].field).toBe('legalRemedies.paragraphs');

      expect((await patch({ court: null })).status).toBe(422);
      expect((await patch({ court: 123 })).status).toBe(422);
      expect((await patch({ intro: ['x'] }, {})).status).toBe(428);

      const unknownKey = await api.request('PATCH', `${TEMPLATES}/fine_fixing`, {
        token: admin.token,
        headers: { 'if-match': '"1"' },
        body: {},
      });
      expect(unknownKey.status).toBe(404);
    });
  });

  describe('previews (officers)', () => {
    it('renders the current version as PDF with the addressee and every item', async () => {
      const { response, bytes } = await preview('occupancy_order', {
        reference: '63/2-2026-0042',
        data: sampleData(),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      const text = flat(await pdfText(bytes));
      expect(text).toContain('Erika Müller-Lüdenscheidt Große Straße 5 44623 Herne');
      expect(text).toContain('Aktenzeichen: 63/2-2026-0042');
      expect(text).toContain(
        '1. Beseitigen Sie den Schimmelbefall im Bad der Wohnung 2. OG rechts. Frist: innerhalb von 30 Tagen nach Zustellung dieses Bescheids',
      );
      expect(text).toContain(
        '2. Setzen Sie die Gastherme wieder in Betrieb. Frist: innerhalb von 24 Stunden nach Zustellung dieses Bescheids',
      );
      expect(text).toContain('Zwangsgeld in Höhe von 1.000,00 EUR angedroht');
      // the admin's change above
      expect(text).toContain('ist der Wohnraum überbelegt.');
    });

    it('answers 422 naming the field the letter cannot be made without', async () => {
      const noReasons = await preview('repair_order', {
        reference: 'AZ-1',
        data: sampleData({ reasoning: null }),
      });
      expect(noReasons.response.status).toBe(422);
      const problem = JSON.parse(noReasons.bytes.toString('utf8')) as Problem;
      expect(problem.errors).toEqual([
        {
          field: 'template.reasoning.paragraphs[0]',
          message: '{{reasoning}} has no value in the letter’s data',
        },
      ]);

      const cyrillic = await preview('repair_order', {
        reference: 'AZ-1',
        data: sampleData({ addressee: { name: 'Иван', addressLines: ['Herne'] } }),
      });
      expect(cyrillic.response.status).toBe(422);
      expect((JSON.parse(cyrillic.bytes.toString('utf8')) as Problem).errors?.[0].field).toBe(
        'addressee.name',
      );

      const unknownField = await preview('repair_order', {
        reference: 'AZ-1',
        data: { ...sampleData(), nationality: 'x' },
      });
      expect(unknownField.response.status).toBe(422);
    });

    it('is for officers: managers, inspectors and admins get 403', async () => {
      for (const user of [manager, inspector, admin]) {
        const { response } = await preview(
          'repair_order',
          { reference: 'AZ-1', data: sampleData() },
          user.token,
        );
        expect([user.role, response.status]).toEqual([user.role, 403]);
      }
      const list = await api.request('GET', TEMPLATES, { token: officer.token });
      expect(list.status).toBe(403);
    });
  });

  describe('issued letters', () => {
    let issued: IssuedLetterDto;

    beforeAll(async () => {
      issued = await issue({
        kind: 'order',
        templateKey: 'repair_order',
        reference: '63/2-2026-0077',
        data: sampleData(),
      });
    });

    it('stores one row and one read-only file whose SHA-256 matches', async () => {
      expect(issued).toMatchObject({ kind: 'order', templateKey: 'repair_order' });
      const rows: Array<{
        pdf_path: string;
        sha256: string;
        byte_size: number;
        created_by: string;
      }> = await db.query(
        `SELECT pdf_path, sha256, byte_size, created_by FROM letters WHERE id = $1`,
        [issued.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].pdf_path).toBe(join('2026', `${issued.id}.pdf`));
      expect(rows[0].created_by).toBe(officer.id);
      const file = join(storageDir, rows[0].pdf_path);
      const bytes = await readFile(file);
      expect(sha256(bytes)).toBe(rows[0].sha256);
      expect(issued.sha256).toBe(rows[0].sha256);
      expect(bytes.length).toBe(rows[0].byte_size);
      expect((await stat(file)).mode & 0o777).toBe(0o444);
      expect(flat(await pdfText(bytes))).toContain('Erika Müller-Lüdenscheidt');
    });

    it('is audited with ids, reference and hash only, no personal data', async () => {
      const audit: Array<{ actor_id: string; after: Record<string, unknown> }> = await db.query(
        `SELECT actor_id, after FROM audit_log WHERE action = 'letter.issued' AND entity_id = $1`,
        [issued.id],
      );
      expect(audit).toHaveLength(1);
      expect(audit[0].actor_id).toBe(officer.id);
      expect(audit[0].after).toMatchObject({ reference: '63/2-2026-0077', sha256: issued.sha256 });
      expect(JSON.stringify(audit[0].after)).not.toMatch(/Müller|Große Straße|Bahnhofstraße/);
    });

    it('is read back as issued, the hash checked', async () => {
      const file = await api.app.get(LettersService).file(issued.id);
      expect(file.contentType).toBe('application/pdf');
      expect(sha256(file.bytes)).toBe(issued.sha256);
      expect(file.letter).toEqual(issued);
    });

    it('renders again to the very same bytes from its template version and snapshot', async () => {
      const [row]: Array<{ content: never; data: LetterData; reference: string }> = await db.query(
        `SELECT t.content, l.data, l.reference FROM letters l JOIN letter_templates t ON t.id = l.template_id WHERE l.id = $1`,
        [issued.id],
      );
      expect(sha256(await renderLetterPdf(row.content, row.data, row.reference))).toBe(
        issued.sha256,
      );
    });

    it('never changes: the database refuses a new hash or path', async () => {
      await expect(
        db.query(`UPDATE letters SET sha256 = repeat('0', 64) WHERE id = $1`, [issued.id]),
      ).rejects.toThrow(/never regenerated/);
      await expect(
        db.query(`UPDATE letters SET pdf_path = 'elsewhere.pdf' WHERE id = $1`, [issued.id]),
      ).rejects.toThrow(/never regenerated/);
    });

    it('a file that no longer matches its hash is never served', async () => {
      const other = await issue({
        kind: 'hearing',
        templateKey: 'hearing',
        reference: '63/2-2026-0078',
        data: sampleData(),
      });
      const file = join(storageDir, '2026', `${other.id}.pdf`);
      await chmod(file, 0o644);
      await writeFile(file, Buffer.concat([await readFile(file), Buffer.from('\n% changed\n')]));
      await expect(api.app.get(LettersService).file(other.id)).rejects.toBeInstanceOf(
        LetterIntegrityError,
      );
    });

    it('a later template version makes new letters; the old letter keeps its version', async () => {
      const { body: current } = await api.request<LetterTemplateDto>(
        'GET',
        `${TEMPLATES}/repair_order`,
        { token: admin.token },
      );
      const changed = await api.request<LetterTemplateDto>('PATCH', `${TEMPLATES}/repair_order`, {
        token: admin.token,
        headers: { 'if-match': `"${current.version}"` },
        body: { closing: ['Mit freundlichem Gruß'] },
      });
      expect(changed.status).toBe(200);
      const later = await issue({
        kind: 'order',
        templateKey: 'repair_order',
        reference: '63/2-2026-0077',
        data: sampleData(),
      });
      expect(later.templateId).toBe(changed.body.id);
      expect(later.sha256).not.toBe(issued.sha256);
      expect((await api.app.get(LettersService).get(issued.id)).templateVersion).toBe(
        issued.templateVersion,
      );
      expect(
        flat(await pdfText((await api.app.get(LettersService).file(later.id)).bytes)),
      ).toContain('Mit freundlichem Gruß');
    });

    it('joins the caller’s transaction: a rollback leaves no letter', async () => {
      const before: Array<{ n: number }> = await db.query(`SELECT count(*)::int AS n FROM letters`);
      await expect(
        api.app.get(RequestContext).run(officer.id, () =>
          api.app.get(TransactionHost).withTransaction(async () => {
            await api.app.get(LettersService).issue({
              kind: 'order',
              templateKey: 'cooperation_order',
              reference: '63/2-2026-0079',
              data: sampleData(),
            });
            throw new Error('the order failed after its letter');
          }),
        ),
      ).rejects.toThrow('the order failed after its letter');
      const after: Array<{ n: number }> = await db.query(`SELECT count(*)::int AS n FROM letters`);
      expect(after[0].n).toBe(before[0].n);
    });

    it('refuses data it cannot make a letter of, and a template of the wrong kind', async () => {
      await expect(
        issue({
          kind: 'order',
          templateKey: 'repair_order',
          reference: 'AZ-1',
          data: sampleData({ items: [] }),
        }),
      ).rejects.toBeInstanceOf(ValidationProblem);
      await expect(
        issue({
          kind: 'hearing',
          templateKey: 'repair_order',
          reference: 'AZ-1',
          data: sampleData(),
        }),
      ).rejects.toThrow(/cannot use the repair_order template/);
    });
  });
});
