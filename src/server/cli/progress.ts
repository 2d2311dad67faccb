/** A one-line progress bar on stderr: `[#####     ] 50% 500000/1000000 48211/s`. */
export function progressBar(label: string): (done: number, total: number) => void {
  const started = Date.now();
  return (done, total) => {
    const pct = total ? done / total : 1;
    const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
    const filled = Math.round(pct * 30);
    process.stderr.write(
      `\r${label} [${"#".repeat(filled)}${" ".repeat(30 - filled)}] ${(pct * 100).toFixed(0)}% ${done}/${total} ${Math.round(rate)}/s`,
    );
    if (done >= total) process.stderr.write("\n");
  };
}
