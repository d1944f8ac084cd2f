export default function NoticesPage() {
  return <h1>NoticesPage</h1>;
}
