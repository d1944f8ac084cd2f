export default function NoticeDetailPage() {
  return <h1>NoticeDetailPage</h1>;
}
