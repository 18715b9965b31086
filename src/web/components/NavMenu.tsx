// Side menu built from NAV_ITEMS filtered by the user's abilities.
import { Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import type { GlobalAbilities, RoleAssignment } from '../../contract/auth.ts';
import { NAV_ITEMS } from './navItems.tsx';
import { useT } from '../i18n/context.ts';

export function NavMenu({
  abilities,
  roles = [],
  onNavigate,
}: {
  abilities: GlobalAbilities;
  roles?: readonly RoleAssignment[];
  onNavigate?: () => void;
}) {
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const items = NAV_ITEMS.filter((i) => i.allowed(abilities, roles));
  const selected = items
    .filter((i) => (i.path === '/' ? location.pathname === '/' : location.pathname.startsWith(i.path)))
    .map((i) => i.path);
  return (
    <Menu
      mode="inline"
      selectedKeys={selected}
      items={items.map((i) => ({
        key: i.path,
        icon: i.icon,
        label: <span data-testid={`nav-${i.path.slice(1) || 'home'}`}>{t(i.label)}</span>,
      }))}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 0 }}
    />
  );
}
