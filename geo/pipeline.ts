/**
 * The pipeline's stages in order, declared once: inputs → gazetteer + boundaries + context
 * (basemap) → items (geo/items/) → locate (geo/locate/) → validate → output files (geo/layers.ts).
 *
 * The basemap does not depend on the items: when the items stage throws, the basemap files are
 * still built and the error is returned for the CLI to report (items are never faked).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GazetteerEntry, ItemDraft, Ledger, Report } from '../src/lib/schema';
import { readCache } from './geocode/cache';
import { buildItems } from './items/index';
import { extractFigures } from './items/figures';
import { geocodeGazetteerEntries, locateFromGeocodes } from './geocode/locate';
import { buildContext } from './basemap';
import { boundarySourceInfo, extractBoundaries, lingheBbox, readBoundarySource, type SourceCollection } from './boundaries';
import { adminEntries, boundaryEntries, buildGazetteer, landmarkEntries, parseCsv } from './gazetteer';
import { type BasemapOutputs, outputFiles, sha256 } from './layers';
import { locateAll, type LocateContext } from './locate/locateAll';
import { parseLocations, type LocationsFile } from './locate/annotations';
import { validateItems } from './validate';
import { contributionEntries, readContributions } from './contribute/store';

export const PATHS = {
  landmarks: 'geo/sources/landmarks.csv',
  adminUnits: 'geo/sources/admin-units.csv',
  report: 'geo/report/linghe-2022-work-report.txt',
  annotations: 'geo/annotations',
  locations: 'geo/annotations/locations.yaml',
  geocodeCache: 'geo/annotations/geocode-cache.json',
  output: 'public/data',
} as const;

export interface BasemapInputs {
  landmarksCsv: string;
  adminUnitsCsv: string;
  boundarySource: SourceCollection;
}

/** `extraEntries`: facts from other stages that evidence may cite (cached geocoder answers). */
export function buildBasemap(inputs: BasemapInputs, extraEntries: GazetteerEntry[] = []): BasemapOutputs {
  const boundaries = extractBoundaries(inputs.boundarySource);
  const gazetteer = buildGazetteer([
    landmarkEntries(parseCsv(inputs.landmarksCsv)),
    adminEntries(parseCsv(inputs.adminUnitsCsv)),
    boundaryEntries(boundarySourceInfo(boundaries)),
    extraEntries,
  ]);
  const bbox = lingheBbox(boundaries);
  return { gazetteer, boundaries, context: buildContext(gazetteer, bbox), lingheBbox: bbox };
}

export interface BuiltItems {
  report: Report;
  drafts: ItemDraft[];
  ledger: Ledger;
}

export interface PipelineResult {
  files: Map<string, string>;
  /** Set when the items stage could not run; the files then hold the basemap only. */
  itemsError: Error | null;
  /** Validation problems, all of them; non-empty means the CLI exits non-zero. */
  problems: string[];
}

/** Locate, validate and format, given everything already read. Pure. */
export function assemble(
  basemap: BasemapOutputs,
  built: BuiltItems | Error,
  locations: LocationsFile,
  reportSha256: string,
  extra: Omit<LocateContext, 'gazetteer' | 'boundaries' | 'locations'> = {},
): PipelineResult {
  if (built instanceof Error) {
    return { files: outputFiles(basemap, null, reportSha256), itemsError: built, problems: [] };
  }
  const ctx: LocateContext = { gazetteer: basemap.gazetteer, boundaries: basemap.boundaries, locations, ...extra };
  const { items, problems: locateProblems } = locateAll(built.drafts, ctx);
  const problems = [...locateProblems, ...validateItems(items, basemap.gazetteer, basemap.boundaries, built.report)];
  if (built.report.sha256 !== reportSha256) problems.push(`report.json sha256 ${built.report.sha256} ≠ report text ${reportSha256}`);
  const { figures, numbers, unaccounted } = extractFigures(built.report, built.drafts);
  for (const n of unaccounted) problems.push(`figures: digits "${n.text}" @${n.start} are neither a figure nor dismissed by a rule of geo/items/figures.ts`);
  const files = outputFiles(basemap, { report: built.report, items, ledger: built.ledger, figures: { figures, numbers } }, reportSha256);
  return { files, itemsError: null, problems };
}

/** The items stage, isolated so that a throwing geo/items/ stage is an error value, not a crash. */
export function loadItems(root: string): BuiltItems | Error {
  try {
    return buildItems(root);
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    return new Error(`items stage failed (geo/items/index.ts buildItems): ${e.message}`, { cause: e });
  }
}

/** Reads every committed input under `root` (and the npm cache), then runs the stages. */
export async function runPipeline(root: string): Promise<PipelineResult> {
  const read = (p: string) => readFileSync(join(root, p), 'utf8');
  const geocodes = await readCache(join(root, PATHS.geocodeCache));
  const contributions = readContributions(join(root, PATHS.annotations));
  const basemap = buildBasemap(
    {
      landmarksCsv: read(PATHS.landmarks),
      adminUnitsCsv: read(PATHS.adminUnits),
      boundarySource: readBoundarySource(root),
    },
    [...geocodeGazetteerEntries(geocodes), ...contributionEntries(contributions)],
  );
  const locations = parseLocations(read(PATHS.locations), PATHS.locations);
  const built = loadItems(root);
  return assemble(basemap, built, locations, sha256(read(PATHS.report)), {
    contributions,
    geocode: (item, linghe) => locateFromGeocodes(item, geocodes, linghe),
  });
}
