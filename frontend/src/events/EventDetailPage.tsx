export default function EventDetailPage() {
  return <h1>EventDetailPage</h1>;
}
