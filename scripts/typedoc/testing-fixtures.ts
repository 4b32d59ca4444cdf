/**
 * The factories and example bodies of `/testing` without MSW:
 * `import … from 'react-checkout-session/testing/fixtures'`.
 *
 * @module react-checkout-session/testing/fixtures
 */
export * from '../../src/testing/data';
