import { screen } from '@testing-library/react';

export { advance, scriptSession } from '../support/fakeTime';

/** What the shopper reads in the panel: the badge, or null while there is none. */
export const badgeText = () => document.querySelector('.rcs-badge')?.textContent ?? null;
/** The error the panel shows, or null. */
export const alertText = () => screen.queryByRole('alert')?.textContent ?? null;
