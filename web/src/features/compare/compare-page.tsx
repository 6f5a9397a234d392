export const ComparePage = () => <section className="page">ComparePage</section>;
