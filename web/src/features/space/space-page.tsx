export const SpacePage = () => <section className="page">SpacePage</section>;
