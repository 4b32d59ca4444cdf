/**
 * Factories, example bodies and MSW handler builders for your own tests and stories (needs the
 * optional `msw` peer): `import … from 'react-checkout-session/testing'`.
 *
 * @module react-checkout-session/testing
 */
export * from '../../src/testing/index';
