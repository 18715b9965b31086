// Search field of the ranking: words match without diacritics ("cam binh" finds "Xã Cẩm Bình").
export function SearchBox({ value, onChange, count }: { value: string; onChange: (v: string) => void; count: number }) {
  return (
    <div className="search">
      <label htmlFor="unit-search">Tìm đơn vị (gõ có dấu hoặc không dấu)</label>
      <input
        id="unit-search"
        type="search"
        value={value}
        placeholder="Ví dụ: cam binh"
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
        data-testid="portal-search"
      />
      <span className="muted" role="status" aria-live="polite">
        {count} đơn vị
      </span>
    </div>
  );
}
