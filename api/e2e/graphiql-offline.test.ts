import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/harness.ts';

/** Attributes and imports through which a page loads something: none may leave the service. */
const externalLoads = [
  /\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//gi,
  /\bimport\s*\(?\s*["'](?:https?:)?\/\//gi,
  /\bfrom\s*["'](?:https?:)?\/\//gi,
  /@import\s+(?:url\()?\s*["']?(?:https?:)?\/\//gi,
  /url\(\s*["']?(?:https?:)?\/\//gi,
  /\b(?:unpkg\.com|cdn\.jsdelivr\.net|esm\.sh|cdnjs\.cloudflare\.com|fonts\.googleapis\.com)\b/gi,
];

describe('GraphiQL in development', () => {
  let server: TestServer;
  let page: string;
  let response: Response;

  beforeAll(async () => {
    server = await startTestServer({ env: { NODE_ENV: 'development' } });
    response = await fetch(server.url, { headers: { accept: 'text/html' } });
    page = await response.text();
  }, 60_000);
  afterAll(() => server?.stop());

  it('is served at GET /graphql for a browser', () => {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(page).toMatch(/<title>Parley<\/title>/);
  });

  it('references no external host: scripts, styles, workers and icon come inline from the service', () => {
    for (const pattern of externalLoads) expect(page.match(pattern) ?? [], String(pattern)).toEqual([]);
    // Assertions on booleans: the page is 9 MB, too long to print on a failure.
    const facts = {
      scriptFromAUrl: /<script[^>]*\ssrc=/i.test(page),
      stylesheetFromAUrl: /<link[^>]*rel=["']?stylesheet/i.test(page),
      inlineRenderer: page.includes('YogaGraphiQL.renderYogaGraphiQL('),
      inlineStyles: /<style>[\s\S]*\.graphiql-container[\s\S]*<\/style>/.test(page),
      inlineEditorWorkers: page.includes('MonacoEnvironment') && page.includes('prepareBlob('),
      inlineIcon: /rel="icon" href="data:/.test(page),
      subscribesOverGraphqlWs: page.includes('"subscriptionsProtocol":"WS"'),
    };
    expect(facts).toEqual({
      scriptFromAUrl: false,
      stylesheetFromAUrl: false,
      inlineRenderer: true,
      inlineStyles: true,
      inlineEditorWorkers: true,
      inlineIcon: true,
      subscribesOverGraphqlWs: true,
    });
  });
});
