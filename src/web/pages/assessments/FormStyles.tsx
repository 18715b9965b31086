// Styles of the assessment form and its print view (static CSS; no data is interpolated).
const CSS = `
.as-section-total { all: unset; box-sizing: border-box; display: block; width: 100%; cursor: pointer; padding: 6px 8px; border: 1px solid #f0f0f0; border-radius: 6px; background: #fff; min-height: 44px; }
.as-section-total:hover, .as-section-total:focus-visible { border-color: #c8102e; }
.as-sticky { position: sticky; top: 0; z-index: 5; }
.as-form .ant-collapse-header { align-items: center !important; min-height: 48px; }
.as-form .ant-card-head-title { white-space: normal; }
.as-form .ant-radio-button-wrapper { min-width: 72px; text-align: center; }
.doc-name { flex: 1; min-width: 0; overflow-wrap: anywhere; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; }
@media (max-width: 767px) {
  .as-form .ant-card-extra { margin-inline-start: 4px; }
  .as-form .ant-radio-wrapper { min-height: 36px; align-items: center; }
  .as-form .ant-card-body { padding: 10px; }
}
.print-page { background: #fff; color: #000; max-width: 210mm; margin: 0 auto; padding: 12mm; font-family: 'Times New Roman', Times, serif; font-size: 12pt; }
.print-page table { width: 100%; border-collapse: collapse; }
.print-page th, .print-page td { border: 1px solid #000; padding: 3px 5px; vertical-align: top; }
.print-page th { text-align: center; font-weight: bold; }
.print-page .num { text-align: center; white-space: nowrap; }
.print-page .group td { font-weight: bold; background: #f2f2f2; }
.print-page .center { text-align: center; }
.print-page .sign { display: flex; justify-content: space-between; margin-top: 16pt; text-align: center; }
.print-page .sign > div { width: 45%; }
.print-toolbar { max-width: 210mm; margin: 12px auto; display: flex; gap: 8px; flex-wrap: wrap; }
@media print {
  @page { size: A4 portrait; margin: 15mm 12mm; }
  body { background: #fff !important; }
  .print-toolbar { display: none !important; }
  .print-page { padding: 0; max-width: none; }
  .print-page tr { page-break-inside: avoid; }
  .print-page thead { display: table-header-group; }
}
`;

export function FormStyles() {
  return <style>{CSS}</style>;
}
