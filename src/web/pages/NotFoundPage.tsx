// Unknown path inside the authenticated app.
import { Forbidden } from '../components/Forbidden.tsx';

export default function NotFoundPage() {
  return <Forbidden notFound />;
}
