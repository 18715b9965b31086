// A small Markdown reader for the user guide (docs/user-guide/*.md): headings, paragraphs, lists, pipe
// tables, block quotes, fenced code, images and inline bold/code/links. It returns plain data that the
// Markdown component renders as React text — never as raw HTML.
import { foldVietnamese } from '../../../core/text/vietnamese.ts';

export type Inline = { kind: 'text' | 'strong' | 'code'; text: string } | { kind: 'link'; text: string; href: string };

export type Block =
  | { kind: 'heading'; level: number; id: string; inlines: Inline[] }
  | { kind: 'paragraph' | 'quote'; inlines: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'table'; head: Inline[][]; rows: Inline[][][] }
  | { kind: 'code'; text: string }
  | { kind: 'image'; alt: string; src: string };

export const slug = (text: string): string =>
  foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  const re = /\*\*(.+?)\*\*|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ kind: 'strong', text: m[1] });
    else if (m[2] !== undefined) out.push({ kind: 'code', text: m[2] });
    else out.push({ kind: 'link', text: m[3]!, href: m[4]! });
    last = re.lastIndex;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => parseInline(c.trim()));

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  const isBreak = (l: string) => /^(#{1,6}\s|```|>|\s*[-*]\s|\s*\d+\.\s|\||!\[)/.test(l) || l.trim() === '';
  while (i < lines.length) {
    const line = lines[i]!;
    let m: RegExpExecArray | null;
    if (line.trim() === '') i++;
    else if ((m = /^(#{1,6})\s+(.*?)(?:\s+\{#([\w-]+)\})?\s*$/.exec(line))) {
      blocks.push({ kind: 'heading', level: m[1]!.length, id: m[3] ?? slug(m[2]!), inlines: parseInline(m[2]!) });
      i++;
    } else if (line.startsWith('```')) {
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) body.push(lines[i]!);
      blocks.push({ kind: 'code', text: body.join('\n') });
      i++;
    } else if ((m = /^!\[([^\]]*)\]\(([^)\s]+)\)\s*$/.exec(line))) {
      blocks.push({ kind: 'image', alt: m[1]!, src: m[2]! });
      i++;
    } else if (line.startsWith('|')) {
      const rows: Inline[][][] = [];
      for (; i < lines.length && lines[i]!.startsWith('|'); i++)
        if (!/^\|[\s:|-]+\|?\s*$/.test(lines[i]!)) rows.push(cells(lines[i]!));
      blocks.push({ kind: 'table', head: rows[0] ?? [], rows: rows.slice(1) });
    } else if (/^\s*([-*]|\d+\.)\s/.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const items: Inline[][] = [];
      for (; i < lines.length && /^\s*([-*]|\d+\.)\s/.test(lines[i]!); i++)
        items.push(parseInline(lines[i]!.replace(/^\s*([-*]|\d+\.)\s+/, '')));
      blocks.push({ kind: 'list', ordered, items });
    } else if (line.startsWith('>')) {
      const body: string[] = [];
      for (; i < lines.length && lines[i]!.startsWith('>'); i++) body.push(lines[i]!.replace(/^>\s?/, ''));
      blocks.push({ kind: 'quote', inlines: parseInline(body.join(' ')) });
    } else {
      const body: string[] = [line];
      for (i++; i < lines.length && !isBreak(lines[i]!); i++) body.push(lines[i]!);
      blocks.push({ kind: 'paragraph', inlines: parseInline(body.join(' ')) });
    }
  }
  return blocks;
}
