import type { Refusal } from '../domain/refusal-message.js';

// A file-system error as the reason a file or folder could not be used, for people: "not found"
// is not "no access" is not "in use" (Excel on Windows holds an open workbook locked). An error
// that is no system error is a bug of ours and is thrown on.

const NOT_FOUND = new Set(['ENOENT', 'ENOTDIR', 'ENAMETOOLONG']);
const NO_ACCESS = new Set(['EACCES', 'EPERM', 'EROFS']);
const IN_USE = new Set(['EBUSY', 'ETXTBSY']);

export type FsRefusal = Refusal & {
  code: 'not-a-file' | 'not-found' | 'no-access' | 'in-use' | 'unreadable';
};

export function fsRefusal(err: unknown): FsRefusal {
  if (!(err instanceof Error && 'syscall' in err)) throw err;
  const errno = String((err as NodeJS.ErrnoException).code);
  if (errno === 'EISDIR') return { code: 'not-a-file', params: {} };
  if (NOT_FOUND.has(errno)) return { code: 'not-found', params: {} };
  if (NO_ACCESS.has(errno)) return { code: 'no-access', params: {} };
  if (IN_USE.has(errno)) return { code: 'in-use', params: {} };
  return { code: 'unreadable', params: { reason: errno } };
}
