// JSON export: `{ "spaces": [ ...Space ] }`, written in chunks so a large registry streams.
import type { SpaceSource } from './write-csv.js';

export async function* jsonChunks(spaces: SpaceSource): AsyncGenerator<string> {
  yield '{"spaces":[';
  let first = true;
  for await (const s of spaces) {
    yield (first ? '\n' : ',\n') + JSON.stringify(s);
    first = false;
  }
  yield '\n]}\n';
}

export const writeJson = async (spaces: SpaceSource): Promise<Uint8Array> => {
  const parts: string[] = [];
  for await (const c of jsonChunks(spaces)) parts.push(c);
  return new TextEncoder().encode(parts.join(''));
};
