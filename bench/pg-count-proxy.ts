// A TCP relay between the server and PostgreSQL that counts what the server sends, to count the statements and
// round trips of one request (bench/create.ts). It reads the frontend protocol: after the startup packet every
// message is a type byte and a 4-byte length (PostgreSQL manual, « Message Formats »). 'Q' is a simple query, 'P'
// a Parse (extended protocol; once per connection for a named prepared statement), 'B' a Bind (one per execution),
// 'S' a Sync: the client waits for the server after each Sync or Query, so Q + S is the number of round trips and
// Q + B the number of statements run.
import net from 'node:net';

export interface Counts {
  queries: number;
  parses: number;
  /** Executions of a statement (extended protocol): one per statement run, prepared or not. */
  binds: number;
  syncs: number;
  texts: string[];
}

export async function startCountingProxy(target: { host: string; port: number }) {
  const counts: Counts = { queries: 0, parses: 0, binds: 0, syncs: 0, texts: [] };
  let recording = false;
  const server = net.createServer((client) => {
    const upstream = net.connect(target);
    let pending = Buffer.alloc(0);
    let started = false;
    const statements = new Map<string, string>();
    client.on('data', (data) => {
      upstream.write(data);
      pending = Buffer.concat([pending, data]);
      for (;;) {
        if (!started) {
          if (pending.length < 4) break;
          const length = pending.readInt32BE(0);
          if (pending.length < length) break;
          const code = pending.readInt32BE(4);
          pending = pending.subarray(length);
          // SSLRequest (80877103) is followed by another startup packet; the real startup ends the phase.
          if (code !== 80877103) started = true;
          continue;
        }
        if (pending.length < 5) break;
        const type = String.fromCharCode(pending[0]!);
        const length = pending.readInt32BE(1);
        if (pending.length < length + 1) break;
        if (type === 'P') {
          // Remembered even when not recording: a prepared statement's text is sent once per connection.
          const body = pending.subarray(5, length + 1);
          const nameEnd = body.indexOf(0);
          const name = body.subarray(0, nameEnd).toString('utf8');
          statements.set(name, body.subarray(nameEnd + 1, body.indexOf(0, nameEnd + 1)).toString('utf8'));
        }
        if (recording) {
          if (type === 'Q') {
            counts.queries += 1;
            counts.texts.push(pending.subarray(5, length).toString('utf8').replace(/\0$/, ''));
          } else if (type === 'P') counts.parses += 1;
          else if (type === 'B') {
            counts.binds += 1;
            const body = pending.subarray(5, length + 1);
            const portalEnd = body.indexOf(0);
            const name = body.subarray(portalEnd + 1, body.indexOf(0, portalEnd + 1)).toString('utf8');
            counts.texts.push(statements.get(name) ?? '');
          } else if (type === 'S') counts.syncs += 1;
        }
        pending = pending.subarray(length + 1);
      }
    });
    upstream.on('data', (data) => client.write(data));
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close);
    upstream.on('error', close);
    client.on('close', close);
    upstream.on('close', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    counts,
    record(on: boolean) {
      recording = on;
    },
    reset() {
      counts.queries = 0;
      counts.parses = 0;
      counts.syncs = 0;
      counts.texts = [];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
