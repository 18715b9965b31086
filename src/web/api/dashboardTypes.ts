// Export jobs (POST /campaigns/{id}/exports, GET /jobs/{id}). The dashboards' own answers are typed in
// src/contract/dashboard-pages.ts (one source with the server); these two stay here until the exports
// routes register a contract schema.

export type ExportKind = 'ranking_xlsx' | 'scorecard_xlsx' | 'scorecard_pdf' | 'annex_docx';

export interface ExportJob {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  result: { downloadUrl: string; fileName: string; size: number; contentType: string } | null;
  error: string | null;
}
