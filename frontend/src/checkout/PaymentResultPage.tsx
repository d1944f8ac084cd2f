export default function PaymentResultPage() {
  return <h1>PaymentResultPage</h1>;
}
