export const RankingsPage = () => <section className="page">RankingsPage</section>;
