/**
 * Hooks, components, the client, the schemas and the i18n layer: `import … from 'react-checkout-session'`.
 *
 * @module react-checkout-session
 */
export * from '../../src/index';
