// Loading and error states of a page (announced to screen readers).
export function Loading() {
  return (
    <p className="status" role="status" aria-live="polite">
      Đang tải dữ liệu…
    </p>
  );
}

export function ErrorBox({ message }: { message: string }) {
  return (
    <div className="error" role="alert" data-testid="portal-error">
      {message}
    </div>
  );
}
