export default function SeatMapPage() {
  return <h1>SeatMapPage</h1>;
}
