// Renders parsed Markdown blocks as React elements (text only). Links to other guide pages (x.md) stay
// inside the portal; images resolve under /huong-dan/.
import type { ReactNode } from 'react';
import { Link } from '../Link.tsx';
import { type Block, type Inline, parseMarkdown } from './markdown.ts';

function resolve(href: string): { href: string; internal: boolean } {
  if (/^(https?:|mailto:)/.test(href)) return { href, internal: false };
  if (href.startsWith('#')) return { href, internal: false };
  const [file, hash] = href.split('#');
  const page = (file ?? '')
    .replace(/^\.\//, '')
    .replace(/\.md$/, '')
    .replace(/^README$/, '');
  return { href: `/huong-dan${page ? `/${page}` : ''}${hash ? `#${hash}` : ''}`, internal: true };
}

function Inlines({ items }: { items: Inline[] }) {
  return (
    <>
      {items.map((x, k) => {
        if (x.kind === 'strong') return <strong key={k}>{x.text}</strong>;
        if (x.kind === 'code') return <code key={k}>{x.text}</code>;
        if (x.kind === 'link') {
          const r = resolve(x.href);
          return r.internal ? (
            <Link key={k} href={r.href}>
              {x.text}
            </Link>
          ) : (
            <a key={k} href={r.href}>
              {x.text}
            </a>
          );
        }
        return x.text;
      })}
    </>
  );
}

function render(b: Block, k: number): ReactNode {
  switch (b.kind) {
    case 'heading': {
      const H = `h${Math.min(b.level, 4)}` as 'h1' | 'h2' | 'h3' | 'h4';
      return (
        <H key={k} id={b.id}>
          <Inlines items={b.inlines} />
        </H>
      );
    }
    case 'paragraph':
      return (
        <p key={k}>
          <Inlines items={b.inlines} />
        </p>
      );
    case 'quote':
      return (
        <p key={k} className="note">
          <Inlines items={b.inlines} />
        </p>
      );
    case 'code':
      return (
        <pre key={k}>
          <code>{b.text}</code>
        </pre>
      );
    case 'image':
      return (
        <figure key={k} className="shot">
          <img src={`/huong-dan/${b.src.replace(/^\.\//, '')}`} alt={b.alt} loading="lazy" />
          {b.alt && <figcaption>{b.alt}</figcaption>}
        </figure>
      );
    case 'list': {
      const items = b.items.map((it, j) => (
        <li key={j}>
          <Inlines items={it} />
        </li>
      ));
      return b.ordered ? <ol key={k}>{items}</ol> : <ul key={k}>{items}</ul>;
    }
    case 'table':
      return (
        <div key={k} className="table-scroll">
          <table>
            <thead>
              <tr>
                {b.head.map((c, j) => (
                  <th key={j} scope="col">
                    <Inlines items={c} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.rows.map((r, j) => (
                <tr key={j}>
                  {r.map((c, n) => (
                    <td key={n}>
                      <Inlines items={c} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

export function Markdown({ source }: { source: string }) {
  return <div className="prose">{parseMarkdown(source).map(render)}</div>;
}
