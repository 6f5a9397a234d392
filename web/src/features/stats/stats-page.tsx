export const StatsPage = () => <section className="page">StatsPage</section>;
