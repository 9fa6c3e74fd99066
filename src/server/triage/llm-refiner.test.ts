import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { diagnosisOf, readText } from '../../domain/triage/analyse.ts';
import { triageModel } from '../../domain/triage/model-loader.ts';
import { refineWithLanguageModel } from './llm-refiner.ts';

const TODAY = '2026-11-23';
const TEXT = "on m'a dit à la pharmacie que je n'avais plus de droits";

/** A fake OpenAI-compatible server on 127.0.0.1: each test sets what it answers. */
let handler: (req: IncomingMessage, res: ServerResponse, body: string) => void;
const requests: Array<{ url: string; auth: string | undefined; body: Record<string, unknown> }> = [];
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      requests.push({ url: req.url ?? '', auth: req.headers.authorization, body: JSON.parse(body) });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const answer = (content: unknown) => (_req: IncomingMessage, res: ServerResponse) => {
  res.setHeader('content-type', 'application/json');
  res.end(
    JSON.stringify({ choices: [{ message: { role: 'assistant', content: JSON.stringify(content) } }] }),
  );
};
const log = () => ({ warn: vi.fn() });
const config = () => ({ url, model: 'fake-model', apiKey: 'secret-key' });

describe('the optional language model', () => {
  it('takes a valid label, records it as evidence, and leaves the next step to the rules', async () => {
    handler = answer({ category: 'rights_suspended', organisation: 'cpam', stage: 'none' });
    const reading = readText(TEXT, TODAY, triageModel);
    const logger = log();
    const refined = await refineWithLanguageModel(reading, config(), logger);
    expect(refined.organisation).toBe('cpam');
    expect(refined.evidence.organisation).toMatchObject({ rule: 'llm.organisation' });
    expect(refined.evidence.organisation.detail).toContain('Modèle de langage');
    const d = diagnosisOf(refined, TODAY);
    // CPAM + rights, nothing done: the rules' row « cpam.contact » (CSS L217-7-1), not anything the model says.
    expect(d.nextStepRule).toBe('cpam.contact');
    expect(d.questions.map((q) => q.id)).not.toContain('organisation');
    const sent = requests.at(-1)!;
    expect(sent.url).toBe('/v1/chat/completions');
    expect(sent.auth).toBe('Bearer secret-key');
    expect(sent.body).toMatchObject({ model: 'fake-model', response_format: { type: 'json_object' } });
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('ignores a label outside the label sets, keeping the local analysis for that field', async () => {
    handler = answer({ category: 'fraude_sociale', organisation: 'Harmonie Mutuelle', stage: 'court' });
    const reading = readText(TEXT, TODAY, triageModel);
    const refined = await refineWithLanguageModel(reading, config(), log());
    expect(refined.category).toBe(reading.category);
    expect(refined.organisation).toBe(reading.organisation);
    expect(refined.stage).toBe('court');
  });

  it('falls back silently on a timeout, and logs without the text', async () => {
    handler = () => {
      // never answers
    };
    const reading = readText(TEXT, TODAY, triageModel);
    const logger = log();
    const started = Date.now();
    const refined = await refineWithLanguageModel(reading, config(), logger, 300);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(refined).toBe(reading);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(logger.warn.mock.calls)).not.toContain('pharmacie');
    expect(logger.warn.mock.calls[0]![0]).toMatchObject({ error: 'timeout' });
  });

  it('falls back on an HTTP error or a malformed answer', async () => {
    const reading = readText(TEXT, TODAY, triageModel);
    handler = (_req, res) => {
      res.statusCode = 500;
      res.end('oops');
    };
    expect(await refineWithLanguageModel(reading, config(), log())).toBe(reading);
    handler = (_req, res) => res.end(JSON.stringify({ choices: [{ message: { content: 'pas du JSON' } }] }));
    expect(await refineWithLanguageModel(reading, config(), log())).toBe(reading);
  });

  it('is off without configuration: no call at all', async () => {
    const before = requests.length;
    const reading = readText(TEXT, TODAY, triageModel);
    expect(await refineWithLanguageModel(reading, undefined, log())).toBe(reading);
    expect(requests.length).toBe(before);
  });
});
