// What link(2) answers on a file system that makes no hard links (decision 0033): EPERM on Linux's FAT/exFAT
// and many FUSE mounts, EOPNOTSUPP/ENOTSUP on SMB and others, ENOSYS where the call is missing. A property
// of the disk, not a passing failure: the callers fall back to a way that needs no link.

const LINKS_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/** Whether a failed link(2) says that this file system makes no hard links. */
export function linksUnsupported(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return code !== undefined && LINKS_UNSUPPORTED.has(code);
}
