import Link from 'next/link';

const SCENARIOS = [
  ['Succeeds after 5 s', 'cs_succeed_5s'],
  ['Fails after 4 s', 'cs_fail_4s'],
  ['Refund settles later', 'cs_refund_3s_8s'],
  ['No such session', 'cs_missing'],
] as const;

/** A tag that makes the scripted sessions of this visit fresh ones (their clocks start at their first request). */
function visitTag() {
  return Date.now().toString(36);
}

/** The demo's start page: a few scripted sessions (examples/api-server/sessions.mjs), each both ways. */
export default function Home() {
  // A server component: rendered once per request, so each visit gets its own sessions.
  const tag = visitTag();
  return (
    <main className="page">
      <h1>Order confirmation on Next.js</h1>
      <ul>
        {SCENARIOS.map(([label, id]) => {
          const sessionId = id === 'cs_missing' ? id : `${id}_${tag}`;
          return (
            <li key={id}>
              {label}: <Link href={`/orders/${sessionId}`}>rendered with the status</Link> ·{' '}
              <Link href={`/orders/${sessionId}/streaming`}>streamed</Link>
            </li>
          );
        })}
      </ul>
    </main>
  );
}
