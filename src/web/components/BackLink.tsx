// "← <where>" at the top of a page: a link button whose label wraps, so a long campaign name never widens
// the page on a phone (issue 14 §6: 390 px).
import { Button } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} style={{ display: 'block', maxWidth: '100%' }}>
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        style={{ paddingInline: 0, whiteSpace: 'normal', height: 'auto', textAlign: 'left', maxWidth: '100%' }}
      >
        {children}
      </Button>
    </Link>
  );
}
