import { Link } from 'react-router';
import { SyntheticBadge } from './status.js';

export const profilePath = (id: string): string => `/spaces/${encodeURIComponent(id)}`;

/** A link to a space's profile, with the synthetic mark when it is part of the demonstration sample. */
export const SpaceLink = ({ id, name, synthetic }: { id: string; name: string; synthetic: boolean }) => (
  <>
    <Link to={profilePath(id)}>{name}</Link> {synthetic && <SyntheticBadge />}
  </>
);
