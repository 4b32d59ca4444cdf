import { NextResponse, type NextRequest } from 'next/server';
import { TOKEN_COOKIE } from '../../../lib/checkoutServer';

/** The browser's token for the checkout API, read from the httpOnly cookie of this origin. */
export function GET(request: NextRequest) {
  const token = request.cookies.get(TOKEN_COOKIE)?.value;
  const headers = { 'Cache-Control': 'no-store' };
  return token ? NextResponse.json({ token }, { headers }) : NextResponse.json({ error: 'signed out' }, { status: 401, headers });
}
