import { AppError } from '../../lib/errors.ts';

/** At most this many files per request, each at most this large. */
export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** The ask form's body limit: every file at its largest plus room for the text fields. */
export const ASK_BODY_LIMIT = MAX_ATTACHMENTS * MAX_ATTACHMENT_BYTES + 1024 * 1024;

export type AttachmentKind = { contentType: string; extensions: string[] };

const KINDS = {
  pdf: { contentType: 'application/pdf', extensions: ['pdf'] },
  png: { contentType: 'image/png', extensions: ['png'] },
  jpeg: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  gif: { contentType: 'image/gif', extensions: ['gif'] },
  webp: { contentType: 'image/webp', extensions: ['webp'] },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  pptx: { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'] },
  odt: { contentType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  ods: { contentType: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'] },
  odp: { contentType: 'application/vnd.oasis.opendocument.presentation', extensions: ['odp'] },
} satisfies Record<string, AttachmentKind>;

export const ACCEPTED_EXTENSIONS = Object.values(KINDS).flatMap((k) => k.extensions.map((e) => `.${e}`));

/** The names of the entries in a ZIP archive's central directory (empty when it is not a readable ZIP). */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
  const stop = Math.max(0, bytes.length - 22 - 65_535);
  let eocd = -1;
  for (let p = bytes.length - 22; p >= stop; p--) {
    if (view.getUint32(p, true) === 0x06054b50) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) return [];
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count && n < 10_000; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return [];
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (p + 46 + nameLength > bytes.length) return [];
    names.push(decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function sniffZip(bytes: Uint8Array): AttachmentKind | null {
  // OpenDocument: the first entry is an uncompressed "mimetype" file naming the type.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nameLength = bytes.length > 30 ? view.getUint16(26, true) : 0;
  if (nameLength === 8 && new TextDecoder().decode(bytes.subarray(30, 38)) === 'mimetype') {
    const start = 30 + nameLength + view.getUint16(28, true);
    const head = new TextDecoder().decode(bytes.subarray(start, start + 60));
    for (const kind of [KINDS.odt, KINDS.ods, KINDS.odp]) if (head.startsWith(kind.contentType)) return kind;
  }
  const names = zipEntryNames(bytes);
  if (!names.includes('[Content_Types].xml')) return null;
  if (names.some((n) => n.startsWith('word/'))) return KINDS.docx;
  if (names.some((n) => n.startsWith('xl/'))) return KINDS.xlsx;
  if (names.some((n) => n.startsWith('ppt/'))) return KINDS.pptx;
  return null;
}

/** What a file is by its content (magic bytes); the name and the browser's Content-Type are not trusted. */
export function sniffAttachment(bytes: Uint8Array): AttachmentKind | null {
  const starts = (sig: number[], at = 0) => bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return KINDS.pdf;
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return KINDS.png;
  if (starts([0xff, 0xd8, 0xff])) return KINDS.jpeg;
  if (starts([0x47, 0x49, 0x46, 0x38, 0x37, 0x61]) || starts([0x47, 0x49, 0x46, 0x38, 0x39, 0x61])) return KINDS.gif;
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return KINDS.webp;
  if (starts([0x50, 0x4b, 0x03, 0x04])) return sniffZip(bytes);
  return null;
}

/** A file name safe to store and to put in a Content-Disposition header: no path, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(-120);
  return cleaned || 'bijlage';
}

/** A refused upload; `vars` (file name, maximum) fill the message. */
export class AttachmentRefused extends AppError {
  constructor(
    key: string,
    public readonly vars: Record<string, string>,
  ) {
    super('validation_failed', key, { attachments: [key] });
  }
}

export type Upload = { name: string; bytes: Uint8Array };
export type CheckedAttachment = { fileName: string; contentType: string; bytes: Buffer };

/**
 * Checks the uploads of the ask form: how many, how large, and whether each is what its name says (a "report.pdf"
 * that is really a program, or a PNG called .pdf, is refused). Throws validation_failed on the `attachments` field.
 */
export function checkAttachments(uploads: Upload[]): CheckedAttachment[] {
  const refuse = (key: string, vars: Record<string, string> = {}) => new AttachmentRefused(key, vars);
  const files = uploads.filter((u) => u.bytes.length > 0 || u.name);
  if (files.length > MAX_ATTACHMENTS) throw refuse('support.attachments.tooMany', { max: String(MAX_ATTACHMENTS) });
  return files.map((file) => {
    const fileName = cleanFileName(file.name);
    if (file.bytes.length === 0) throw refuse('support.attachments.empty', { file: fileName });
    if (file.bytes.length > MAX_ATTACHMENT_BYTES) throw refuse('support.attachments.tooLarge', { file: fileName });
    const kind = sniffAttachment(file.bytes);
    const extension = fileName.includes('.') ? fileName.split('.').pop()!.toLowerCase() : '';
    if (!kind || !kind.extensions.includes(extension)) throw refuse('support.attachments.wrongType', { file: fileName });
    return { fileName, contentType: kind.contentType, bytes: Buffer.from(file.bytes) };
  });
}

/** Content-Disposition for a download: always an attachment, with an ASCII fallback and the UTF-8 name. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
