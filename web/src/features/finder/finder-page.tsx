export const FinderPage = () => <section className="page">FinderPage</section>;
