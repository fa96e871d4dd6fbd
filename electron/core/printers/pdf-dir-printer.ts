import { randomBytes } from 'node:crypto';
import { access, link, open, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import type { PrinterProfile, PrinterStatus } from '../../shared/printer-profile.ts';
import { folderModeFor, makeFolder, parseFileMode } from './file-modes.ts';
import type { PrinterDeps } from './printer-deps.ts';
import type { PrinterPort } from './printer-port.ts';
import { PrinterConfigError, PrinterError } from './printer-errors.ts';
import { ensureWholePdf } from './pdf-check.ts';
import { printInJobs } from './print-in-jobs.ts';
import { renderOptionsFor } from './label-renderer.ts';

/** Writes and flushes a file, and the folder entry pointing at it, before returning. */
async function writeDurably(path: string, bytes: Buffer, mode: number): Promise<void> {
  // Created with its mode, then set exactly (the umask may have taken bits a shared folder needs).
  const file = await open(path, 'wx', mode);
  try {
    await file.chmod(mode);
    await file.writeFile(bytes);
    await file.sync();
  } finally {
    await file.close();
  }
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } catch {
    // Some platforms (Windows) cannot fsync a folder; the rename is still atomic there.
  } finally {
    await handle.close();
  }
}

/**
 * Gives the finished file its name in one atomic step, never replacing another file: a hard link
 * where the file system has them, else (FAT, some network shares) a rename after a check.
 * Resolves false when the name is taken.
 */
async function publish(temp: string, name: string): Promise<boolean> {
  try {
    await link(temp, name);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
  }
  const taken = await access(name).then(() => true, () => false);
  if (!taken) await rename(temp, name);
  return !taken;
}

const safeName = (text: string): string => text.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60);

/**
 * A hot folder (`pdf-dir:PATH`): each job becomes one PDF in the folder. It is written under a
 * dot-name in the same folder, flushed to disk, then linked to its final name in one step, so a
 * program watching the folder never sees a half-written PDF, and an existing file is never
 * overwritten. A job is confirmed once its file is in place.
 */
export function createPdfDirPrinter(profile: PrinterProfile, folder: string, deps: PrinterDeps): PrinterPort {
  const renderOptions = renderOptionsFor(profile);
  const fileMode = parseFileMode(profile.fileMode);

  async function place(pdf: Buffer, stem: string): Promise<string> {
    ensureWholePdf(pdf, profile.name);
    try {
      await makeFolder(folder, folderModeFor(fileMode));
    } catch (error) {
      throw new PrinterConfigError(profile.name, `Cannot use folder ${folder} for labels: ${(error as Error).message}`, { cause: error });
    }
    const temp = join(folder, `.${stem}.${randomBytes(4).toString('hex')}.partial`);
    try {
      await writeDurably(temp, pdf, fileMode);
      for (let attempt = 0; ; attempt++) {
        const name = join(folder, `${stem}${attempt === 0 ? '' : `-${attempt}`}.pdf`);
        if (await publish(temp, name)) {
          await syncFolder(folder);
          return name;
        }
      }
    } catch (error) {
      if (error instanceof PrinterError) throw error;
      throw new PrinterConfigError(profile.name, `Cannot write labels into ${folder}: ${(error as Error).message}. Check the folder exists, is writable and has space.`, { cause: error });
    } finally {
      await unlink(temp).catch(() => undefined);
    }
  }

  return {
    profile,
    async status(): Promise<PrinterStatus> {
      try {
        await makeFolder(folder, folderModeFor(fileMode));
        return { state: 'ready', message: `Labels are saved as PDF files in ${folder}` };
      } catch (error) {
        return { state: 'error', message: `Cannot use folder ${folder}: ${(error as Error).message}` };
      }
    },
    print(labels, onProgress, signal) {
      return printInJobs(
        labels,
        profile.labelsPerJob,
        async (job, onSent) => {
          const pdf = await buffer(deps.labels.renderPdf(job, renderOptions));
          const first = job[0];
          const stamp = new Date(deps.now()).toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
          const name = await place(pdf, `${stamp}-${safeName(first?.meta.batch ?? 'labels')}-${first?.meta.index ?? 0}`);
          onSent();
          deps.logger.info('labels saved', { file: name, labels: job.length });
        },
        onProgress,
        signal,
      );
    },
    async printTestPage() {
      await place(deps.labels.renderTestPagePdf(renderOptions), `test-page-${profile.dpi}dpi`);
    },
  };
}
