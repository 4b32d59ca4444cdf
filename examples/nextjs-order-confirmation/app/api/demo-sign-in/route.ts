import { NextResponse, type NextRequest } from 'next/server';
import { TOKEN_COOKIE } from '../../../lib/checkoutServer';

/**
 * The demo's sign-in: puts the API token in an httpOnly cookie and goes back to `?next=` (a
 * path of this app only). A real app signs the shopper in here.
 */
export function GET(request: NextRequest) {
  const next = request.nextUrl.searchParams.get('next') ?? '/';
  // A relative Location: the browser stays on the host it asked (Next's request.url says localhost).
  const response = new NextResponse(null, {
    status: 303,
    headers: { Location: next.startsWith('/') && !next.startsWith('//') ? next : '/' },
  });
  response.cookies.set(TOKEN_COOKIE, process.env.CHECKOUT_DEMO_TOKEN ?? 'demo-token', {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
  });
  return response;
}
