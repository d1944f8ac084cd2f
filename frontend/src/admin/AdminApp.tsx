export default function AdminApp() {
  return <h1>AdminApp</h1>;
}
