import { build } from 'vite';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { lanAddresses } from './lan.ts';
import { startClassroom } from './server.ts';

/**
 * `npm run classroom`: builds the app and serves it to the room from this computer, with class mode's
 * relay (students answer on their phones; the projector shows the room's predictions beside the
 * model's). No internet is needed once `npm ci` has run. Ctrl+C stops it.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4174' },
      // Serve a build made before (or copied from elsewhere) instead of building dist/ now.
      'no-build': { type: 'boolean', default: false },
      root: { type: 'string', default: 'dist' },
      // The address students reach, when the one found first is not the room's Wi-Fi.
      host: { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number (0 to 65535), not ${values.port}`);
  const root = resolve(values.root);
  if (!values['no-build']) {
    console.log('Building the app…');
    await build({ logLevel: 'warn', build: { outDir: root } });
  }
  const lan = lanAddresses();
  const host = values.host ?? lan[0] ?? '127.0.0.1';
  const c = await startClassroom({ root, port, host: '0.0.0.0', publicUrl: (p) => `http://${host}:${p}` });
  console.log(`
Trustfall class mode is running (room ${c.room.code}).

  Trainer (open on this computer, keep it to yourself):
    ${c.trainerUrl}
    ${c.localTrainerUrl}

  Students join at:
    ${c.joinUrl}
    (or scan the QR code the trainer's page shows in presenter mode)
${lan.length ? (lan.length > 1 ? `\n  Other addresses of this computer: ${lan.slice(1).join(', ')} (if phones cannot reach the one above, start again with --host <address>)\n` : '') : '\n  This computer is on no network: only this computer can join. Connect it to the room\u2019s Wi-Fi and start again.\n'}
  If the system asks whether to let Node.js accept incoming connections, allow it (private networks only).
  Stop with Ctrl+C.
`);
  const stop = async () => {
    await c.close();
    console.log(`Stopped. ${c.stats.connections} connections; ${Object.values(c.stats.refused).reduce((a, b) => a + b, 0)} messages refused.`);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error((e as Error).message);
  process.exit(1);
});
