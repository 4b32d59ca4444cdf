import { CheckoutSessionStatus } from 'react-checkout-session';
import { numberParam, params, runTag } from '../../shared/checkout';
import { OrderIntro } from '../../shared/OrderIntro';

// The shopper's page after paying: it follows one checkout session until it settles.
// `?session=` picks the session (scripted by the demo API, see examples/api-server/sessions.mjs);
// `?pollInterval=`, `?retryDelay=` and `?followRefunds=1` tune the kit, for demos and tests.
const sessionId = params.get('session') ?? `cs_succeed_6s_${runTag}`;
const pollInterval = numberParam('pollInterval', undefined);
const retryDelay = numberParam('retryDelay', undefined);
const followRefunds = params.get('followRefunds') === '1' ? { pollInterval: pollInterval ?? 5000 } : false;

const SCENARIOS = [
  ['Succeeds after 5 s', `cs_succeed_5s_${runTag}`],
  ['Fails after 4 s', `cs_fail_4s_${runTag}`],
  ['Expires after 4 s', `cs_expire_4s_${runTag}`],
  ['Refund settles later', `cs_refund_3s_8s_${runTag}`],
  ['Unknown status', `cs_capture_3s_${runTag}`],
  ['No such session', 'cs_missing'],
] as const;

function scenarioHref(id: string) {
  const next = new URLSearchParams(params);
  next.set('session', id);
  if (id.startsWith('cs_refund')) next.set('followRefunds', '1');
  return `?${next.toString()}`;
}

export function App() {
  return (
    <main className="page">
      <OrderIntro />
      <div className="panel">
        <CheckoutSessionStatus
          sessionId={sessionId}
          pollInterval={pollInterval}
          retryDelay={retryDelay}
          followRefunds={followRefunds}
        />
      </div>
      <p className="muted">
        Session <code>{sessionId}</code>
      </p>
      <nav aria-label="Demo scenarios">
        <p className="muted">Try another scenario:</p>
        <ul>
          {SCENARIOS.map(([label, id]) => (
            <li key={id}>
              <a href={scenarioHref(id)}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
    </main>
  );
}
