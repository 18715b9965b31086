// PGlite's file system for the embedded data directory, with owner-only modes. PGlite (Emscripten's
// NODEFS) creates every file and then chmods it 0666 itself, whatever the process umask (STACK-NOTES):
// another local account could read password hashes from the WAL or rewrite pg_control. This NodeFS
// masks the group/other bits out of every mode PGlite creates or sets, in this PGlite instance only
// (each instance has its own Emscripten module, so nothing else in the process is affected).
import { NodeFS } from '@electric-sql/pglite/nodefs';

type Mod = Parameters<NodeFS['init']>[1];
type NodeOps = {
  mknod?: (parent: unknown, name: string, mode: number, dev: number) => unknown;
  setattr?: (node: unknown, attr: { mode?: number | null }) => void;
};

const OWNER_ONLY = ~0o077;

/** Patches an Emscripten NODEFS's node operations so created and chmod-ed modes keep owner bits only. */
export function maskNodefsModes(nodefs: { node_ops?: NodeOps }): boolean {
  const ops = nodefs.node_ops;
  if (!ops?.mknod || !ops.setattr) return false;
  const { mknod, setattr } = ops;
  ops.mknod = (parent, name, mode, dev) => mknod(parent, name, mode & OWNER_ONLY, dev);
  ops.setattr = (node, attr) =>
    setattr(node, typeof attr.mode === 'number' ? { ...attr, mode: attr.mode & OWNER_ONLY } : attr);
  return true;
}

export class OwnerOnlyNodeFS extends NodeFS {
  /** False when this PGlite build no longer exposes the hooks (then only the directory's 0700 and the sweeps protect). */
  masked = false;

  override async init(pg: Parameters<NodeFS['init']>[0], opts: Mod) {
    const result = await super.init(pg, opts);
    const preRun = result.emscriptenOpts.preRun ?? [];
    result.emscriptenOpts = {
      ...result.emscriptenOpts,
      preRun: [
        ...preRun,
        (mod: Parameters<(typeof preRun)[number]>[0]) => {
          this.masked = maskNodefsModes((mod as unknown as { NODEFS: { node_ops?: NodeOps } }).NODEFS);
        },
      ],
    };
    return result;
  }
}
