import type { DesktopApi, OpenedFile, OpenFileRequest, SaveFileRequest } from '../../../shared/platform/desktop-api';

declare const __APP_VERSION__: string;

/** The same API in a plain browser: downloads for saving, a file input for opening. */
export const browserApi: DesktopApi = {
  async info() {
    return { shell: 'browser', appVersion: __APP_VERSION__, platform: navigator.platform || 'web' };
  },
  async saveFile(request: SaveFileRequest) {
    const blob = new Blob([request.data]);
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = request.suggestedName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return request.suggestedName;
  },
  openFile(request: OpenFileRequest) {
    return new Promise<OpenedFile | null>((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = request.filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
      input.onchange = async () => {
        const file = input.files?.[0];
        resolve(file ? { name: file.name, data: new Uint8Array(await file.arrayBuffer()) } : null);
      };
      input.oncancel = () => resolve(null);
      input.click();
    });
  },
};
