// Loaded with --import into a benched process: at exit it writes its own peak RSS to stderr,
// which a parent cannot read for a child in Node.
import { writeSync } from 'node:fs';

process.on('exit', () => writeSync(2, `\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`));
