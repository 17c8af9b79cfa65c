/**
 * Progress on stderr: a live line on a terminal, otherwise a plain line every few seconds (so logs of
 * long runs show it without flooding). Nothing for runs that end within half a second.
 */
export function createProgress(label: string, enabled: boolean): { update: (done: number, total: number) => void; finish: () => void } {
  const tty = process.stderr.isTTY === true;
  const start = Date.now();
  let lastPrint = 0;
  let printed = false;
  return {
    update(done, total) {
      if (!enabled) return;
      const now = Date.now();
      const elapsed = now - start;
      if (tty ? elapsed < 500 || now - lastPrint < 100 : now - Math.max(start, lastPrint) < 5000) return;
      lastPrint = now;
      const share = total > 0 ? done / total : 0;
      const eta = share > 0 ? Math.round((elapsed / share - elapsed) / 1000) : 0;
      const line = `${label}: ${(share * 100).toFixed(0).padStart(3)}%  ${Math.round(elapsed / 1000)}s elapsed, about ${eta}s to go`;
      if (tty) process.stderr.write(`\r${line}\x1b[K`);
      else process.stderr.write(`${line}\n`);
      printed = true;
    },
    finish() {
      if (enabled && printed && tty) process.stderr.write('\r\x1b[K');
    },
  };
}
