// Where the server listens. The demo carries well-known passwords (admin/admin123), so on a laptop in an
// office it listens on loopback unless the operator names an address with HOST; `serve` (production)
// keeps its explicit configuration (HOST, default every interface).
import type { AppConfig } from '../../infra/config.ts';

export const LOOPBACK = '127.0.0.1';

export function listenHost(config: Pick<AppConfig, 'host' | 'hostGiven'>, demo: boolean): string {
  return demo && !config.hostGiven ? LOOPBACK : config.host;
}

/** The banner's line on the address: what a newcomer needs to know about who can reach the demo. */
export function listenNote(host: string, demo: boolean, hostGiven: boolean): string {
  const everyInterface = host === '0.0.0.0' || host === '::';
  if (demo && !hostGiven) {
    return (
      `Chỉ nghe trên ${host} (chỉ máy này truy cập được); đặt HOST=0.0.0.0 để mở cho mạng — khi đó tài khoản mẫu cũng lộ ra mạng.\n` +
      `Listening on loopback ${host} only (this machine); set HOST=0.0.0.0 to open it to the network, demo passwords included.`
    );
  }
  if (everyInterface) {
    const warning = demo
      ? ' — mọi máy trong mạng đăng nhập được bằng tài khoản mẫu / anyone on the network can sign in with the demo accounts'
      : '';
    return `Nghe trên mọi giao diện mạng / listening on every interface (HOST=${host})${warning}`;
  }
  return `Nghe trên / listening on: ${host} (HOST)`;
}
