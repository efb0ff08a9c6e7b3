/**
 * Imported first by main.ts, for its effect: ES imports evaluate in order before the importing
 * module's own code, so a call in main.ts itself would run only after MapLibre and the app had.
 */
import { FIRST_FILES, prefetch } from './prefetch';

prefetch(FIRST_FILES);
