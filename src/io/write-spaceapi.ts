// SpaceAPI v15 export: one document per space, valid against the official 15.json schema (checked
// with ajv in the tests), plus a directory of endpoints. We hold no live door state, so `state.open`
// is left out (the spec's way of saying "unknown"; the schema does not allow null) except for closed
// or planned spaces, which are certainly not open.
import { displayName, type Link, type MembershipPlan, type Space } from '../domain/space.js';

export interface SpaceApiExportOptions {
  /** Public base URL of the site, e.g. https://makeratlas.example.cn */
  baseUrl: string;
  /** Site logo, used when a space has none of its own (`logo` is required by the spec); default `<baseUrl>/logo.png`. */
  logoUrl?: string;
}

const BILLING: Record<MembershipPlan['interval'], string> = {
  hour: 'hourly',
  day: 'daily',
  week: 'weekly',
  month: 'monthly',
  quarter: 'quarterly',
  year: 'yearly',
  once: 'other',
  session: 'other',
};

const LINK_NAMES: Record<Link['kind'], string> = {
  website: 'Website',
  email: 'Email',
  phone: 'Phone',
  spaceapi: 'SpaceAPI endpoint',
  fablabs: 'fablabs.io',
  wiki: 'Wiki',
  social: 'Social media',
  other: 'Link',
};

const trimSlash = (u: string): string => u.replace(/\/+$/, '');

export const spacePageUrl = (space: Space, baseUrl: string): string =>
  `${trimSlash(baseUrl)}/spaces/${encodeURIComponent(space.id)}`;

/** Contact members derived from links; returns the links it used. */
const contactOf = (links: Link[]): { contact: Record<string, string>; used: Set<Link> } => {
  const contact: Record<string, string> = {};
  const used = new Set<Link>();
  for (const l of links) {
    const u = l.url.trim();
    if (l.kind === 'email' && !contact['email']) {
      contact['email'] = u.replace(/^mailto:/i, '');
      used.add(l);
    } else if (l.kind === 'phone' && !contact['phone']) {
      contact['phone'] = u.replace(/^tel:/i, '');
      used.add(l);
    } else if (l.kind === 'social') {
      const tw = /^https?:\/\/(www\.)?(twitter|x)\.com\/@?([A-Za-z0-9_]{1,15})\/?$/i.exec(u);
      const ma = /^https?:\/\/([^/]+)\/@([A-Za-z0-9_.]+)\/?$/.exec(u);
      if (tw && !contact['twitter']) contact['twitter'] = `@${tw[3]}`;
      else if (/^https?:\/\/(www\.)?facebook\.com\//i.test(u) && !contact['facebook'])
        contact['facebook'] = u;
      else if (ma && !contact['mastodon']) contact['mastodon'] = `@${ma[2]}@${ma[1]}`;
      else continue;
      used.add(l);
    } else if (/^ircs?:\/\//i.test(u) && !contact['irc']) {
      contact['irc'] = u;
      used.add(l);
    }
  }
  return { contact, used };
};

export const toSpaceApi15 = (space: Space, opts: SpaceApiExportOptions): Record<string, unknown> => {
  const website = space.links.find((l) => l.kind === 'website');
  const { contact, used } = contactOf(space.links);
  const logo =
    typeof space.profile['logo'] === 'string' && /^https?:\/\//.test(space.profile['logo'])
      ? space.profile['logo']
      : (opts.logoUrl ?? `${trimSlash(opts.baseUrl)}/logo.png`);
  const location: Record<string, unknown> = { country_code: space.countryCode };
  if (space.address) location['address'] = space.address;
  if (space.lat !== null && space.lon !== null) [location['lat'], location['lon']] = [space.lat, space.lon];
  if (typeof space.profile['timezone'] === 'string') location['timezone'] = space.profile['timezone'];
  const doc: Record<string, unknown> = {
    api_compatibility: ['15'],
    space: displayName(space) || space.id,
    logo,
    url: website?.url ?? spacePageUrl(space, opts.baseUrl),
    location,
    contact,
    state:
      space.status === 'active'
        ? { message: 'live open/closed state is not tracked' }
        : {
            open: false,
            message: space.status === 'closed' ? 'this space has closed' : 'this space has not opened yet',
          },
  };
  const links = space.links
    .filter((l) => l !== website && !used.has(l))
    .map((l) => ({ name: LINK_NAMES[l.kind], url: l.url }));
  links.push({ name: 'MakerAtlas', url: spacePageUrl(space, opts.baseUrl) });
  doc['links'] = links;
  if (space.membershipPlans.length) {
    doc['membership_plans'] = space.membershipPlans.map((p) => ({
      name: p.name,
      value: p.amount,
      currency: p.currency,
      billing_interval: BILLING[p.interval],
      ...(p.interval === 'once' && { description: 'one-time fee' }),
      ...(p.interval === 'session' && { description: 'per session' }),
    }));
  }
  // Custom members must start with ext_ (SpaceAPI convention).
  doc['ext_makeratlas'] = {
    id: space.id,
    type: space.type,
    status: space.status,
    ...(space.regionCode && { regionCode: space.regionCode }),
  };
  return doc;
};

/**
 * A SpaceAPI directory for our spaces: display name → endpoint URL. Names must be unique, so a
 * repeated name gets the city (or the id) appended.
 */
export const spaceApiDirectory = (
  spaces: Iterable<Space>,
  endpointOf: (s: Space) => string,
): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const s of spaces) {
    let name = displayName(s) || s.id;
    if (Object.hasOwn(out, name)) name = s.city ? `${name} (${s.city})` : `${name} (${s.id})`;
    if (Object.hasOwn(out, name)) name = `${name} (${s.id})`;
    out[name] = endpointOf(s);
  }
  return out;
};
