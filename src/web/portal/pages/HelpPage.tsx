// /huong-dan[/<page>] — the user guide served by the app itself (works in offline installations): an
// index of the pages by role, or one page rendered from its Markdown, scrolled to the #section asked for.
import { useEffect } from 'react';
import { useFetched } from '../api.ts';
import { Link } from '../Link.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { Markdown } from '../help/Markdown.tsx';
import { GUIDE_PAGES } from '../help/pages.ts';
import { useTitle } from '../useTitle.ts';

export default function HelpPage({ page }: { page: string | null }) {
  const known = GUIDE_PAGES.find((p) => p.slug === page);
  const doc = useFetched<string>(known ? `/huong-dan/${known.slug}.md` : null, 'text');
  useTitle(known ? `Hướng dẫn — ${known.title}` : 'Hướng dẫn sử dụng');
  useEffect(() => {
    const hash = decodeURIComponent(window.location.hash.slice(1));
    if (doc.data && hash) document.getElementById(hash)?.scrollIntoView();
  }, [doc.data]);

  if (!known) {
    return (
      <div data-testid="help-index">
        <h1>Hướng dẫn sử dụng</h1>
        {page && <ErrorBox message="Không có trang hướng dẫn này." />}
        <p className="lead">Chọn trang hướng dẫn theo vai trò của bạn.</p>
        <ul className="guide-list">
          {GUIDE_PAGES.map((p) => (
            <li key={p.slug}>
              <Link href={`/huong-dan/${p.slug}`}>{p.title}</Link>
              <span className="muted"> — {p.who}</span>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div data-testid="help-page">
      <p className="crumbs">
        <Link href="/huong-dan">Hướng dẫn sử dụng</Link> › {known.title}
      </p>
      {doc.loading && <Loading />}
      {doc.error && <ErrorBox message={doc.error.message} />}
      {doc.data && <Markdown source={doc.data} />}
    </div>
  );
}
