// The spaces the seed policy study names (Tables 1 and 2, and the Chaos Computer Club): the first
// records of the registry. The file is data, written from the study's facts; this module only finds,
// parses and validates it.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Value } from 'typebox/value';
import { SpaceInput } from '../domain/space.js';

export const STUDY_SPACES_REL = join('data', 'seed', 'study-spaces.json');

/** The source name every study record carries in `sources`. */
export const STUDY_SOURCE = 'seed-study';

/**
 * The shipped file, found by walking up from this module: the same code runs from src/ (tsx,
 * vitest) and from dist/src/ (the built CLI), which sit at different depths below the package root.
 */
export const studySpacesPath = (): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, STUDY_SPACES_REL);
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) throw new Error(`seed study: ${STUDY_SPACES_REL} not found above ${import.meta.url}`);
    dir = up;
  }
};

/** Thrown when the study file is unreadable or a record does not fit SpaceInput. */
export class StudySpacesError extends Error {
  override readonly name = 'StudySpacesError';
}

/**
 * Checks parsed JSON: an array of SpaceInput records with unique seed-study source ids. Throws a
 * StudySpacesError naming the file, the record index (as a JSON pointer) and every schema error.
 */
export const parseStudySpaces = (data: unknown, file: string): SpaceInput[] => {
  if (!Array.isArray(data)) {
    throw new StudySpacesError(`${file}: expected a JSON array of spaces, found ${typeof data}`);
  }
  const seen = new Map<string, number>();
  data.forEach((record: unknown, index) => {
    if (!Value.Check(SpaceInput, record)) {
      const details = Value.Errors(SpaceInput, record)
        .map((e) => `${e.instancePath || '/'} ${e.message}`)
        .join('; ');
      throw new StudySpacesError(`${file}: /${index} is not a valid SpaceInput: ${details}`);
    }
    const ids = (record.sources ?? []).filter((s) => s.source === STUDY_SOURCE).map((s) => s.sourceId);
    if (ids.length !== 1) {
      throw new StudySpacesError(
        `${file}: /${index}/sources must hold exactly one { source: '${STUDY_SOURCE}' } entry, found ${ids.length}`,
      );
    }
    const id = ids[0] as string;
    const first = seen.get(id);
    if (first !== undefined) {
      throw new StudySpacesError(`${file}: /${index} repeats seed-study sourceId '${id}' of /${first}`);
    }
    seen.set(id, index);
  });
  return data as SpaceInput[];
};

/** Reads, parses and validates the study's spaces (default: the shipped data/seed file). */
export const loadStudySpaces = async (file?: string): Promise<SpaceInput[]> => {
  const path = resolve(file ?? studySpacesPath());
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new StudySpacesError(`${path}: cannot read the seed study spaces (${(err as Error).message})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new StudySpacesError(`${path}: not valid JSON (${(err as Error).message})`);
  }
  return parseStudySpaces(data, path);
};
