// No request value reaches a log line through an error: PostgreSQL's messages quote the values they
// refuse, JavaScript's quote what they choke on, and both are redacted (core/redact.ts) before
// they are logged, postcodes or not. Routes added here make the database and a handler fail on
// purpose with a value from the request.
import t from 'tap';
import { Writable } from 'node:stream';
import { testPlatform } from './helpers/platform.ts';
import { redactText } from '../core/redact.ts';

function sink() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => lines.join('') };
}

t.test('errors carrying request values are logged without them', async (t) => {
  const log = sink();
  const { app, platform } = await testPlatform(t, { datasets: ['postcodes', 'greenspace'], imports: ['postcodes', 'greenspace'], env: { LOG_LEVEL: 'info' }, logDestination: log.stream });
  app.get('/test/cast', async (request) => platform.knex.raw('SELECT ?::integer AS n', [(request.query as { v: string }).v]));
  app.get('/test/throw', async (request) => {
    throw new Error(`could not handle "${(request.query as { v: string }).v}" at all`);
  });
  const sent = {
    cast: await app.inject('/test/cast?v=AB10%201AA'),
    castNumber: await app.inject('/test/cast?v=98765432109'),
    thrown: await app.inject('/test/throw?v=M1%201AD'),
    cursor: await app.inject('/v1/postcodes/postcodes?sort=-lat&cursor=WyJBQjEwIDFBQSIsIkFCMTAgMUFBIl0'),
    run: await app.inject('/catalogue/postcodes/imports/9999999999'),
    json: await app.inject({ method: 'POST', url: '/v1/postcodes/lookup', headers: { 'content-type': 'application/json' }, payload: '{"postcodes": ["SE1 2DL",' }),
  };
  t.equal(sent.cast.statusCode, 400, 'a value the database refused: 400');
  t.equal(sent.castNumber.statusCode, 400, 'a number out of the column’s range: 400');
  t.equal(sent.thrown.statusCode, 500, 'a handler’s own failure: 500');
  t.equal(sent.cursor.statusCode, 400);
  t.equal(sent.run.statusCode, 400);
  t.equal(sent.json.statusCode, 400);
  for (const res of Object.values(sent)) t.notMatch(res.body, /AB10|M1 1AD|SE1 2DL|98765432109/, 'the answer does not echo it either');
  const text = log.text();
  t.match(text, /"code":"22P02"/, 'the database error is logged, with its code');
  t.match(text, /"code":"22003"/);
  t.match(text, /unhandled error/, 'the handler’s failure is logged');
  t.match(text, /could not handle/, 'with its message');
  for (const value of ['AB10', 'ab10', 'M1 1AD', 'M1%201AD', 'SE1 2DL', '98765432109', '9999999999']) t.notOk(text.includes(value), `${value} is not in the log`);
});

t.test('redaction of messages', async (t) => {
  t.equal(redactText('invalid input syntax for type integer: "AB10 1AA"'), 'invalid input syntax for type integer: "…"');
  t.equal(redactText(`Key (postcode)=(SW1A 1AA) already exists`), 'Key (postcode)=(…) already exists');
  t.equal(redactText("Unexpected token 'x', \"xyz\" is not valid JSON"), "Unexpected token '…', \"…\" is not valid JSON");
  t.equal(redactText('no such postcode sw1a1aa here'), 'no such postcode … here', 'an unquoted postcode');
});
