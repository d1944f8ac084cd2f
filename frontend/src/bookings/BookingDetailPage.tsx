export default function BookingDetailPage() {
  return <h1>BookingDetailPage</h1>;
}
