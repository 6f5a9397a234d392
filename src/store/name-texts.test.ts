import { describe, expect, it } from 'vitest';
import { answerNames, NameTexts, precomputeNameTexts } from './name-texts.js';
import { nameText } from './search-text.js';

const names = [
  { nameZh: '柴火创客空间', nameEn: 'Chaihuo Makerspace' },
  { nameZh: '重庆创客空间', nameEn: null },
  { nameEn: 'Metalab' },
  { nameZh: '', nameEn: 'Ｆｕｌｌ Ｗｉｄｔｈ' },
];

describe('precomputed name texts', () => {
  it('answer exactly what nameText answers', () => {
    const answers = answerNames({
      nameZh: names.map((n) => n.nameZh ?? null),
      nameEn: names.map((n) => n.nameEn ?? null),
    });
    names.forEach((n, i) => {
      const t = nameText(n.nameZh ?? null, n.nameEn ?? null);
      expect([answers.searchText[i], answers.nameSort[i]]).toEqual([t.searchText, t.nameSort]);
    });
  });

  it('come from a worker thread, and names it was not given are computed on the spot', async () => {
    const pending = precomputeNameTexts(names, 1);
    const texts = await pending.done;
    expect(texts.size).toBe(names.length);
    for (const n of names)
      expect(texts.of(n.nameZh ?? null, n.nameEn ?? null)).toEqual(
        nameText(n.nameZh ?? null, n.nameEn ?? null),
      );
    expect(texts.of('深圳', 'other')).toEqual(nameText('深圳', 'other'));
  }, 30_000);

  it('start no worker for a few names, and a cancelled one leaves nothing precomputed', async () => {
    expect(await precomputeNameTexts(names).done).toBe(NameTexts.none);
    const pending = precomputeNameTexts(names, 1);
    pending.cancel();
    const texts = await pending.done;
    expect(texts.size).toBe(0);
    expect(texts.of('柴火', null)).toEqual(nameText('柴火', null));
  });
});
