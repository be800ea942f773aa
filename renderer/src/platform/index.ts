import type { DesktopApi } from '../../../shared/platform/desktop-api';
import { browserApi } from './browser';

declare global {
  interface Window {
    /** Set by Electron's preload script; absent in a plain browser. */
    zwcDesktop?: DesktopApi;
  }
}

export const desktop: DesktopApi = window.zwcDesktop ?? browserApi;
