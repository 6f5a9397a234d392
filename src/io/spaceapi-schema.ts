// The parts of a SpaceAPI document (v13, v14, v15) that we read, as a lenient TypeBox schema: only
// types are checked, unknown members (sensors, cams, ext_*) pass. Written from the published spec;
// tests compare its verdicts with the official JSON Schemas.
import { Type, type Static } from 'typebox';

const Str = Type.String();
const Opt = <T extends import('typebox').TSchema>(t: T) => Type.Optional(t);

export const SpaceApiLocation = Type.Object({
  address: Opt(Str),
  lat: Opt(Type.Number()),
  lon: Opt(Type.Number()),
  timezone: Opt(Str),
  country_code: Opt(Str),
  hint: Opt(Str),
});

export const SpaceApiPlan = Type.Object({
  name: Str,
  value: Type.Number(),
  currency: Str,
  billing_interval: Str,
  description: Opt(Str),
});

export const SpaceApiLink = Type.Object({ name: Str, url: Str, description: Opt(Str) });

export const SpaceApiDocument = Type.Object({
  api: Opt(Str),
  api_compatibility: Opt(Type.Array(Str)),
  space: Type.String({ minLength: 1 }),
  logo: Opt(Str),
  url: Opt(Str),
  location: Opt(SpaceApiLocation),
  contact: Opt(Type.Record(Type.String(), Type.Unknown())),
  state: Opt(
    Type.Object({
      open: Opt(Type.Union([Type.Boolean(), Type.Null()])),
      lastchange: Opt(Type.Number()),
      message: Opt(Str),
    }),
  ),
  spacefed: Opt(Type.Record(Type.String(), Type.Boolean())),
  projects: Opt(Type.Array(Str)),
  links: Opt(Type.Array(SpaceApiLink)),
  membership_plans: Opt(Type.Array(SpaceApiPlan)),
  feeds: Opt(Type.Record(Type.String(), Type.Object({ url: Str }))),
});
export type SpaceApiDocument = Static<typeof SpaceApiDocument>;

/** The members of `contact` we turn into links. */
export const CONTACT_TEXT_FIELDS = [
  'email',
  'phone',
  'twitter',
  'mastodon',
  'facebook',
  'irc',
  'ml',
  'matrix',
  'xmpp',
  'jabber',
  'sip',
  'issue_mail',
] as const;
