#!/usr/bin/env node
// Thước Đo — công cụ kiểm tra bản công bố kết quả đánh giá (snapshot.json), một tệp duy nhất.
// Cách dùng:  node verify-thuocdo.mjs snapshot.json [--key khoa-cong-khai.pem]
// Cần Node.js 18 trở lên; không cần cài gói nào, không cần mạng, chạy ở thư mục nào cũng được.
//
// Kiểm tra ba điều, như trang "Dữ liệu mở" của cổng công khai và lệnh `thuocdo verify` của máy chủ:
//  1. Nội dung khớp mã băm: SHA-256 (hex) của JSON chuẩn hóa của `payload` bằng `digest`.
//  2. Chữ ký hợp lệ: chữ ký Ed25519 (`signature`, base64) trên 32 byte của `digest`, với khóa `publicKeyPem`.
//  3. Khóa ký là khóa do cơ quan vận hành công bố: mã khóa = SHA-256 (hex) của 32 byte khóa công khai,
//     bằng `keyId` và nằm trong danh sách khóa công bố ghi sẵn dưới đây (máy chủ ghi vào khi tải tệp này),
//     hoặc trùng khóa chỉ định bằng --key.
// Mã thoát: 0 hợp lệ; 2 không hợp lệ; 1 dùng sai lệnh hoặc không đọc được tệp (như `thuocdo verify`).
//
// This file is hand-written (docs/decisions/0009-standalone-verifier.md): canonicalJson below must stay
// exactly core/audit/canonical-json.ts — test/unit/publication/standalone-verifier.test.ts checks it on
// random values and runs this file against real snapshots from a folder outside the repository.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

// The deployment's published keys when this file was downloaded ({ id, createdAt }); empty in the sources.
export const PUBLISHED_KEYS = /* PUBLISHED_KEYS */ [];
export const KEYS_LISTED_AT = /* KEYS_LISTED_AT */ null;

/** Deterministic JSON: object keys sorted, no whitespace (the text that was hashed and signed). */
export function canonicalJson(value) {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value.toJSON === 'function') return canonicalJson(value.toJSON());
  if (typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return 'null';
}

function keyIdOfPem(pem) {
  try {
    const raw = Buffer.from(createPublicKey(pem).export({ format: 'jwk' }).x, 'base64url');
    return createHash('sha256').update(raw).digest('hex');
  } catch {
    return null;
  }
}

/**
 * The verdict on a snapshot file's text. Problem codes as `thuocdo verify`: INVALID_FILE, DIGEST_MISMATCH,
 * SIGNATURE_INVALID, KEY_ID_MISMATCH, KEY_NOT_PINNED (the key is not the pinned one / not a published one).
 */
export function checkSnapshot(text, { pinnedKeyPem, publishedKeys = PUBLISHED_KEYS } = {}) {
  const invalid = { valid: false, problems: ['INVALID_FILE'] };
  let doc;
  try {
    doc = JSON.parse(String(text).replace(/^\uFEFF/, ''));
  } catch {
    return invalid;
  }
  if (doc === null || typeof doc !== 'object') return invalid;
  const { digest, signature, publicKeyPem, keyId, payload } = doc;
  if (
    typeof digest !== 'string' ||
    typeof signature !== 'string' ||
    typeof publicKeyPem !== 'string' ||
    typeof payload !== 'object' ||
    payload === null
  )
    return invalid;
  // Checked in the order, and with the codes, of `thuocdo verify` (a pinned key is the one the signature
  // must verify with; without one, the embedded key, held against the published list).
  const problems = [];
  const embeddedId = keyIdOfPem(publicKeyPem);
  if (!embeddedId || embeddedId !== keyId) problems.push('KEY_ID_MISMATCH');
  let keyCheck = 'none';
  let keyPublished = null;
  if (pinnedKeyPem !== undefined) {
    keyCheck = 'pinned';
    keyPublished = keyIdOfPem(pinnedKeyPem) === embeddedId;
  } else if (publishedKeys.length > 0) {
    keyCheck = 'published';
    keyPublished = embeddedId !== null && embeddedId === keyId && publishedKeys.some((k) => k.id === embeddedId);
  }
  if (keyPublished === false) problems.push('KEY_NOT_PINNED');
  const computedDigest = createHash('sha256').update(canonicalJson(payload), 'utf8').digest('hex');
  const digestMatches = computedDigest === digest.toLowerCase();
  if (!digestMatches) problems.push('DIGEST_MISMATCH');
  let signatureValid = false;
  try {
    signatureValid = verify(
      null,
      Buffer.from(digest, 'hex'),
      createPublicKey(pinnedKeyPem ?? publicKeyPem),
      Buffer.from(signature, 'base64'),
    );
  } catch {
    signatureValid = false;
  }
  if (!signatureValid) problems.push('SIGNATURE_INVALID');
  return {
    valid: problems.length === 0,
    problems,
    digestMatches,
    signatureValid,
    keyPublished,
    keyCheck,
    digest,
    computedDigest,
    keyId: typeof keyId === 'string' ? keyId : null,
    version: typeof doc.version === 'number' ? doc.version : null,
    publishedAt: typeof doc.publishedAt === 'string' ? doc.publishedAt : null,
    campaignName: typeof payload.campaign?.name === 'string' ? payload.campaign.name : null,
  };
}

/** dd/mm/yyyy in Vietnam's time (UTC+7, no daylight saving). */
function dateVi(iso) {
  const d = new Date(Date.parse(iso) + 7 * 3600_000);
  if (Number.isNaN(d.getTime())) return iso;
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

/** The report, one line each, Vietnamese (with a short English verdict). */
export function describe(c) {
  if (c.problems.includes('INVALID_FILE')) {
    return [
      'KHÔNG HỢP LỆ / INVALID',
      'Tệp không phải bản công bố có chữ ký (thiếu payload, digest, signature hoặc publicKeyPem).',
    ];
  }
  const mark = (ok) => (ok ? '  ✔ Đạt:      ' : '  ✘ Không đạt:');
  const lines = [c.valid ? 'HỢP LỆ / VALID' : 'KHÔNG HỢP LỆ / INVALID'];
  const what = [
    c.campaignName,
    c.version !== null ? `phiên bản ${c.version}` : null,
    c.publishedAt ? `công bố ngày ${dateVi(c.publishedAt)}` : null,
  ].filter(Boolean);
  if (what.length) lines.push(`Bản công bố: ${what.join(', ')}`);
  lines.push(
    `${mark(c.digestMatches)} Nội dung khớp mã băm${c.digestMatches ? '' : ' — nội dung đã bị thay đổi sau khi ký'}`,
  );
  lines.push(`${mark(c.signatureValid)} Chữ ký hợp lệ (Ed25519)`);
  if (c.keyCheck === 'none') {
    lines.push(
      `  ? Chưa đối chiếu khóa ký với danh sách khóa do cơ quan vận hành công bố — hãy so mã khóa dưới đây với trang "Dữ liệu mở", hoặc chạy thêm --key khoa-cong-khai.pem`,
    );
  } else {
    const against =
      c.keyCheck === 'pinned'
        ? 'khóa chỉ định bằng --key'
        : `danh sách khóa do cơ quan vận hành công bố${KEYS_LISTED_AT ? ` (ngày ${dateVi(KEYS_LISTED_AT)})` : ''}`;
    lines.push(
      `${mark(c.keyPublished && !c.problems.includes('KEY_ID_MISMATCH'))} Khóa ký là khóa do cơ quan vận hành công bố (đối chiếu với ${against})`,
    );
  }
  if (c.problems.includes('KEY_ID_MISMATCH'))
    lines.push('  Mã khóa (keyId) trong tệp không khớp với khóa công khai kèm theo.');
  lines.push(`Mã băm SHA-256 ghi trong tệp: ${c.digest}`);
  if (!c.digestMatches) lines.push(`Mã băm SHA-256 tính lại:      ${c.computedDigest}`);
  if (c.keyId) lines.push(`Mã khóa ký: ${c.keyId}`);
  return lines;
}

const USAGE = 'Cách dùng: node verify-thuocdo.mjs snapshot.json [--key khoa-cong-khai.pem]';

function main(argv) {
  const args = [...argv];
  let keyFile;
  const k = args.indexOf('--key');
  if (k >= 0) [, keyFile] = args.splice(k, 2);
  if (args.includes('-h') || args.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  if (args.length !== 1 || (k >= 0 && !keyFile)) {
    console.error(USAGE);
    return 1;
  }
  let text;
  let pinnedKeyPem;
  try {
    text = readFileSync(args[0], 'utf8');
    if (keyFile) pinnedKeyPem = readFileSync(keyFile, 'utf8');
  } catch (e) {
    console.error(`Không đọc được tệp: ${e.path ?? args[0]} (${e.code ?? e.message})`);
    return 1;
  }
  const check = checkSnapshot(text, { pinnedKeyPem });
  for (const line of describe(check)) (check.valid ? console.log : console.error)(line);
  return check.valid ? 0 : 2;
}

// Run as a command (not when a test imports it): Node resolves the main module to the URL of its real path.
function isMain() {
  if (!process.argv[1]) return false;
  let url;
  try {
    url = pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
  return process.platform === 'win32' ? url.toLowerCase() === import.meta.url.toLowerCase() : url === import.meta.url;
}
if (isMain()) process.exitCode = main(process.argv.slice(2));
