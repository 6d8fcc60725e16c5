// Memory soak (run by hand: `npm run soak`): 10,000 open/edit/close cycles over 2,000 files (copies of
// the corpus apps, a quarter outside the workspace folder) through the real language server; prints
// its resident memory every 1,000 cycles and fails when the peak passes the ceiling.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TestLspClient } from '../test/server/lspClient';
import { buildSoakWorkspace, runSoak } from '../test/helpers/soak';

const FILES = Number(process.env.LOOPSAFE_SOAK_FILES ?? 2000);
const CYCLES = Number(process.env.LOOPSAFE_SOAK_CYCLES ?? 10_000);
const SEED = Number(process.env.LOOPSAFE_SOAK_SEED ?? 13);
/** The documented ceiling: the server's peak resident memory over the whole soak. */
const CEILING_MB = Number(process.env.LOOPSAFE_SOAK_CEILING_MB ?? 800);

async function main(): Promise<void> {
  const repo = path.resolve(__dirname, '../..');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-soak-'));
  const root = path.join(tmp, 'ws');
  const outside = path.join(tmp, 'elsewhere');
  const files = buildSoakWorkspace(repo, root, outside, FILES);
  console.log(`soak: ${files.length} files (${files.filter((f) => f.outside).length} outside the workspace folder), ${CYCLES} cycles, seed ${SEED}`);
  const client = await TestLspClient.start(root, { debounceMs: 0 }, path.join(repo, 'dist/server.js'));
  let peak = 0;
  try {
    await client.conn.sendRequest('loopsafe/scanWorkspace');
    await runSoak(client, files, CYCLES, SEED, 1000, (c) => {
      peak = Math.max(peak, c.peakMb);
      console.log(`${String(c.cycles).padStart(6)} cycles  ${c.seconds.toFixed(0).padStart(5)} s  rss ${String(c.rssMb).padStart(5)} MB  peak ${String(c.peakMb).padStart(5)} MB`);
    });
  } finally {
    await client.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const ok = peak <= CEILING_MB;
  console.log(`peak resident memory ${peak} MB: ${ok ? 'under' : 'OVER'} the ${CEILING_MB} MB ceiling`);
  if (!ok) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 2;
});
