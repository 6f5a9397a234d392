// Country from free text. The domain's `countryCodeFromName` knows English and Chinese names and the
// usual variants; addresses in SpaceAPI documents often end in the local name ("Deutschland",
// "Nederland", "Schweiz"), so the languages of most published documents are added here.
import { countryCodeFromName } from '../domain/countries.js';
import cs from 'i18n-iso-countries/langs/cs.json' with { type: 'json' };
import da from 'i18n-iso-countries/langs/da.json' with { type: 'json' };
import de from 'i18n-iso-countries/langs/de.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import fi from 'i18n-iso-countries/langs/fi.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import it from 'i18n-iso-countries/langs/it.json' with { type: 'json' };
import nb from 'i18n-iso-countries/langs/nb.json' with { type: 'json' };
import nl from 'i18n-iso-countries/langs/nl.json' with { type: 'json' };
import pl from 'i18n-iso-countries/langs/pl.json' with { type: 'json' };
import pt from 'i18n-iso-countries/langs/pt.json' with { type: 'json' };
import sv from 'i18n-iso-countries/langs/sv.json' with { type: 'json' };

const key = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const LOCAL = new Map<string, string>();
for (const lang of [cs, da, de, es, fi, fr, it, nb, nl, pl, pt, sv]) {
  for (const [code, names] of Object.entries(lang.countries as Record<string, string | string[]>)) {
    for (const n of Array.isArray(names) ? names : [names]) if (!LOCAL.has(key(n))) LOCAL.set(key(n), code);
  }
}

/** ISO alpha-2 code for a country name in English, Chinese or a common European language. */
export const countryFromText = (text: string): string | undefined =>
  countryCodeFromName(text) ?? LOCAL.get(key(text));
