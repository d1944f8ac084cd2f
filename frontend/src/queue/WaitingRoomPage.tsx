export default function WaitingRoomPage() {
  return <h1>WaitingRoomPage</h1>;
}
