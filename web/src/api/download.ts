import { accessToken } from './access-token.ts';
import { ApiError } from './api-error.ts';

/** Hands a blob to the browser as a file download named `filename`. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the object URL; revoke it once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Fetches an API file (with the access token, which a plain link cannot send) and saves it. */
export async function downloadFromApi(path: string, filename: string): Promise<void> {
  const token = accessToken();
  const response = await fetch(`api${path}`, {
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    throw new ApiError(response.status, { error: body.error ?? response.statusText });
  }
  saveBlob(await response.blob(), filename);
}
