#!/usr/bin/env node
// npm run demo: the local checkout API and the three example apps on the packed kit, live.
// Builds the kit first when dist/ is missing or older than src/. Ctrl-C stops everything.
import { packKit } from './pack-kit.mjs';
import { startExamplesStack } from './examples-stack.mjs';

packKit();
const stack = await startExamplesStack({ mode: 'dev' });
const [confirmation, dashboard, nextjs] = stack.apps;
console.log(`
  checkout API        ${stack.api.url}   (token "${stack.api.token}"; one log line per request below)
  order confirmation  ${confirmation?.url}
  merchant dashboard  ${dashboard?.url}
  Next.js (App Router) ${nextjs?.url}   (server-rendered, streamed at /orders/{id}/streaming)

  Scenarios: ${confirmation?.url}?session=cs_fail_4s  ·  faults: curl -X POST '${stack.api.url}/__admin/faults?fault=500&times=4'
  Ctrl-C to stop.
`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await stack.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
