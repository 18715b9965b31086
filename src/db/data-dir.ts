// The data directory holds the embedded database (password hashes in its WAL, pg_control), the evidence
// files, the key-encryption secret and the lock file: only the account that runs Thước Đo may read or
// write any of it. At start the directory is created 0700; a directory that group or others may WRITE is
// refused (someone else could already have replaced files in it, so fixing the bits would hide that);
// one they may only READ is tightened, with everything under it, and the tightening is reported.
import fs from 'node:fs';
import path from 'node:path';

export const OWNER_DIR_MODE = 0o700;
export const OWNER_FILE_MODE = 0o600;
const GROUP_OTHER = 0o077;
const GROUP_OTHER_WRITE = 0o022;

export class DataDirInsecureError extends Error {
  constructor(
    readonly dir: string,
    readonly mode: number,
  ) {
    super(
      `Thư mục dữ liệu ${dir} cho phép nhóm hoặc người dùng khác ghi (quyền ${mode.toString(8).padStart(4, '0')}): từ chối chạy. ` +
        `Hãy kiểm tra nội dung rồi đặt "chmod 700 ${dir}". / The data directory is writable by group or others; refusing to start.`,
    );
  }
}

export interface DataDirReport {
  created: boolean;
  /** Paths (relative to the directory) whose group/other bits were removed. */
  tightened: string[];
}

/** Creates the directory 0700, refuses a group/other-writable one, tightens everything readable by others. */
export function prepareDataDir(dir: string): DataDirReport {
  let created = false;
  if (!fs.existsSync(dir)) {
    fs.mkdirSync(dir, { recursive: true, mode: OWNER_DIR_MODE });
    created = true;
  }
  const st = fs.statSync(dir);
  if (!st.isDirectory()) throw new Error(`THUOCDO_DATA_DIR ${dir} không phải là thư mục.`);
  if ((st.mode & GROUP_OTHER_WRITE) !== 0) throw new DataDirInsecureError(dir, st.mode & 0o7777);
  return { created, tightened: tightenTree(dir) };
}

/**
 * Removes group/other bits from `root` and everything under it (symbolic links are not followed).
 * Returns the relative paths it changed. Used at open and after writes that create files.
 */
export function tightenTree(root: string): string[] {
  const changed: string[] = [];
  const visit = (p: string, rel: string) => {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(p);
    } catch {
      return; // removed meanwhile (a temporary file)
    }
    if (st.isSymbolicLink()) return;
    if ((st.mode & GROUP_OTHER) !== 0) {
      try {
        fs.chmodSync(p, st.mode & 0o7700);
        changed.push(rel || '.');
      } catch {
        /* gone meanwhile */
      }
    }
    if (st.isDirectory()) {
      let entries: string[] = [];
      try {
        entries = fs.readdirSync(p);
      } catch {
        return;
      }
      for (const e of entries) visit(path.join(p, e), rel ? `${rel}/${e}` : e);
    }
  };
  visit(root, '');
  return changed;
}
