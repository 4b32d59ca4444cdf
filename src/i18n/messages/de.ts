import type { CheckoutMessages } from './en';

/**
 * The built-in German dictionary.
 *
 * @example
 * deMessages.sessionStatus.PARTIALLY_REFUNDED // "Teilweise erstattet"
 */
export const de: CheckoutMessages = {
  sessionStatus: {
    PENDING: 'Ausstehend',
    SUCCEEDED: 'Erfolgreich',
    FAILED: 'Fehlgeschlagen',
    PARTIALLY_REFUNDED: 'Teilweise erstattet',
    REFUNDED: 'Erstattet',
    REVERSED: 'Storniert',
  },
  sessionStatusDescription: {
    PENDING: 'Wir bestätigen Ihre Zahlung bei Ihrer Bank. Diese Seite aktualisiert sich von selbst.',
    SUCCEEDED: 'Ihre Zahlung war erfolgreich. Sie erhalten eine Bestätigung per E-Mail.',
    FAILED: 'Ihre Zahlung ist nicht durchgegangen. Ihr Konto wurde nicht belastet.',
    PARTIALLY_REFUNDED: 'Ein Teil Ihrer Zahlung wurde Ihnen erstattet.',
    REFUNDED: 'Ihre Zahlung wurde Ihnen vollständig erstattet.',
    REVERSED: 'Ihre Zahlung wurde storniert, das Geld ist auf Ihr Konto zurückgegangen.',
  },
  unknownStatusDescription: 'Wir bearbeiten Ihre Zahlung noch. Diese Seite aktualisiert sich von selbst.',
  refundStatus: {
    PENDING: 'Ausstehend',
    SUCCEEDED: 'Erfolgreich',
    FAILED: 'Fehlgeschlagen',
    CANCELED: 'Abgebrochen',
  },
  refundReason: {
    REQUESTED_BY_CUSTOMER: 'Auf Wunsch des Kunden',
    DUPLICATE: 'Doppelte Zahlung',
    FRAUDULENT: 'Betrug',
    OTHER: 'Sonstiges',
  },
  failureReason: {
    EXPIRED: 'Abgelaufen',
    LOST_OR_STOLEN_CARD: 'Karte verloren oder gestohlen',
    INSUFFICIENT_FUNDS: 'Unzureichende Deckung',
  },
  errorKind: {
    unauthorized: 'Sie sind abgemeldet. Melden Sie sich erneut an, um diese Zahlung zu sehen.',
    forbidden: 'Sie haben keinen Zugriff auf diese Zahlung.',
    not_found: 'Wir konnten diese Zahlung nicht finden.',
    rate_limited: 'Gerade gehen zu viele Anfragen ein. Bitte warten Sie einen Moment.',
    server: 'Bei unserem Zahlungsdienst ist ein Fehler aufgetreten.',
    timeout: 'Unser Zahlungsdienst hat zu lange nicht geantwortet.',
    network: 'Wir konnten unseren Zahlungsdienst nicht erreichen. Prüfen Sie Ihre Verbindung.',
    invalid_response: 'Unser Zahlungsdienst hat eine unlesbare Antwort gesendet.',
    http: 'Beim Prüfen Ihrer Zahlung ist etwas schiefgegangen.',
    invalid_request: 'Dieser Zahlungslink ist ungültig.',
  },
  badgeReason: ' ({reason})',
  refundAmount: 'Betrag',
  refundStatusLabel: 'Status',
  refundReasonLabel: 'Grund',
  refundFailureReasonLabel: 'Fehlergrund',
  refundDate: 'Datum',
  refundsHeading: 'Erstattungen',
  total: 'Summe',
  emptyRefunds: 'Keine Erstattungen.',
  loading: 'Ihre Zahlung wird geprüft …',
  tryAgain: 'Erneut versuchen',
  retrying: 'Wird erneut versucht …',
  supportReference: 'Referenz für den Support: {requestId}',
  panelLabel: 'Zahlungsstatus',
  statusAnnouncement: 'Zahlungsstatus: {status}. {description}',
};
