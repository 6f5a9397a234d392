// Derived text for finding and sorting spaces by name in Chinese, English or pinyin. Pinyin comes
// from pinyin-pro, which reads polyphonic characters from their word context (重庆 → chongqing).
import { pinyin } from 'pinyin-pro';

const HAN_RUN = /\p{Script=Han}+/gu;
const SPACES = /\s+/gu;
/** Separates the variants in search_text so a query cannot match across two of them. */
const SEPARATOR = '|';

/** Full-width letters and digits become ASCII (ＡＢＣ → abc), case is folded. */
const fold = (s: string): string => (ASCII.test(s) ? s : s.normalize('NFKC')).toLowerCase();
const ASCII = /^[\x20-\x7e]*$/;

const syllables = (han: string): string[] => pinyin(han, { toneType: 'none', type: 'array', v: true });

const HAN = /\p{Script=Han}/u;
const squeeze = (v: string): string => v.replace(SPACES, '').replaceAll(SEPARATOR, '');
const collapse = (v: string): string => v.replace(SPACES, ' ').trim();

export interface NameText {
  searchText: string;
  nameSort: string;
}

/**
 * The derived name columns of a space.
 * - searchText, what `q` is matched against: each name as written, in full pinyin and in pinyin
 *   initials, lowercased with all whitespace removed (so 'chai huo' and 'chaihuo' both find 柴火).
 * - nameSort, the key spaces sort by: the display name (Chinese first) with Chinese in pinyin,
 *   lowercased, so 柴火 sorts among the c's beside Latin names. Equal keys are ordered by id.
 */
export const nameText = (nameZh: string | null, nameEn: string | null): NameText => {
  const variants: string[] = [];
  const add = (v: string) => {
    if (v && !variants.includes(v)) variants.push(v);
  };
  let nameSort = '';
  for (const name of [nameZh, nameEn]) {
    if (!name) continue;
    const folded = fold(name);
    add(squeeze(folded));
    let spaced = folded;
    if (HAN.test(folded)) {
      // One pass over the runs of Chinese characters; the text between them is kept as written.
      let full = '';
      let initials = '';
      spaced = '';
      let last = 0;
      for (const m of folded.matchAll(HAN_RUN)) {
        const between = folded.slice(last, m.index);
        const syl = syllables(m[0]);
        full += between + syl.join('');
        initials += between + syl.map((x) => x.charAt(0)).join('');
        spaced += `${between} ${syl.join(' ')} `;
        last = m.index + m[0].length;
      }
      const tail = folded.slice(last);
      add(squeeze(full + tail));
      add(squeeze(initials + tail));
      spaced += tail;
    }
    if (!nameSort) nameSort = collapse(spaced);
  }
  return { searchText: variants.join(SEPARATOR), nameSort };
};

/** A query in the form search_text is stored in; empty when nothing searchable is left. */
export const normaliseQuery = (q: string): string => fold(q).replace(SPACES, '').replaceAll(SEPARATOR, '');
