/**
 * The tile templates, key and credits this build was configured with (VITE_* variables at build
 * time), and the origins they contact — the list a Content-Security-Policy must allow.
 */
import { basemapConfig, basemapOrigins, type BasemapEnv } from './basemaps';

export const BASEMAP_CONFIG = basemapConfig((import.meta.env ?? {}) as BasemapEnv);
export const BASEMAP_ORIGINS = basemapOrigins(BASEMAP_CONFIG);
