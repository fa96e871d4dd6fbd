// Loaded with --import into a benched process: at exit it writes its own peak RSS and CPU time
// (user + system) to stderr, which a parent cannot read for a child in Node. CPU time is what a
// run costs however loaded the machine is; wall time on a busy machine is mostly waiting.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const usage = process.resourceUsage();
  writeSync(2, `\npeak-rss-kb ${usage.maxRSS} cpu-us ${usage.userCPUTime + usage.systemCPUTime}\n`);
});
