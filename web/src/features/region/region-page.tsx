export const RegionPage = () => <section className="page">RegionPage</section>;
