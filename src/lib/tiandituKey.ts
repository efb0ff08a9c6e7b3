/**
 * The 天地图 key a user typed, kept in this browser's localStorage only: never in the URL (it would
 * travel with every shared link), the repository or a log. Storage can be blocked (private modes,
 * file://): then the key lasts for the page's lifetime.
 */
const STORAGE_KEY = 'linghe-atlas:tianditu-key';
let memory = '';

export function storedTiandituKey(): string {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? memory;
  } catch {
    return memory;
  }
}

export function storeTiandituKey(key: string): void {
  memory = key.trim();
  try {
    if (memory) localStorage.setItem(STORAGE_KEY, memory);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // blocked storage: the in-memory copy is all there is
  }
}
