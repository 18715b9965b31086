// The index-set tree: main indicators open/close (details), each node with its points, how it is scored
// (in plain Vietnamese, never the editor's notation) and guidance.
import { describeMethodVi } from '../../../core/framework/describe-vi.ts';
import { formatNumberVi } from '../../../core/text/vietnamese.ts';
import type { MethodNode } from '../../../contract/public.ts';

function NodeLine({ node }: { node: MethodNode }) {
  return (
    <>
      <span className="node-title">
        {node.code}. {node.title}
      </span>{' '}
      <span className="pts">{formatNumberVi(node.maxPoints)} điểm</span>
      {node.method && <span className="method">Cách tính: {describeMethodVi(node.method, node.maxPoints)}</span>}
      {node.automaticSource && <span className="method">Đo tự động từ: {node.automaticSource}</span>}
    </>
  );
}

function Children({ nodes }: { nodes: MethodNode[] }) {
  return (
    <ul className="tree">
      {nodes.map((n) => (
        <li key={n.code}>
          <NodeLine node={n} />
          {n.guidance && <p className="guidance">{n.guidance}</p>}
          {n.requiredDocuments && <p className="guidance">Tài liệu kiểm chứng: {n.requiredDocuments}</p>}
          {n.children && <Children nodes={n.children} />}
        </li>
      ))}
    </ul>
  );
}

export function MethodTree({ nodes }: { nodes: MethodNode[] }) {
  return (
    <div data-testid="method-tree">
      {nodes.map((n) => (
        <details key={n.code} className="main-node">
          <summary>
            <NodeLine node={n} />
          </summary>
          {n.guidance && <p className="guidance">{n.guidance}</p>}
          {n.children ? <Children nodes={n.children} /> : null}
        </details>
      ))}
    </div>
  );
}
