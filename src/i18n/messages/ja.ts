import type { CheckoutMessages } from './en';

/**
 * The built-in Japanese dictionary.
 *
 * @example
 * jaMessages.sessionStatus.PARTIALLY_REFUNDED // "一部返金済み"
 */
export const ja: CheckoutMessages = {
  sessionStatus: {
    PENDING: '処理中',
    SUCCEEDED: '完了',
    FAILED: '失敗',
    PARTIALLY_REFUNDED: '一部返金済み',
    REFUNDED: '返金済み',
    REVERSED: '取り消し済み',
  },
  sessionStatusDescription: {
    PENDING: 'カード会社にお支払いを確認しています。このページは自動で更新されます。',
    SUCCEEDED: 'お支払いが完了しました。確認メールをお送りします。',
    FAILED: 'お支払いができませんでした。料金は請求されていません。',
    PARTIALLY_REFUNDED: 'お支払いの一部が返金されました。',
    REFUNDED: 'お支払いの全額が返金されました。',
    REVERSED: 'お支払いは取り消され、代金はお客様の口座に戻されました。',
  },
  unknownStatusDescription: 'お支払いを処理しています。このページは自動で更新されます。',
  refundStatus: {
    PENDING: '処理中',
    SUCCEEDED: '完了',
    FAILED: '失敗',
    CANCELED: 'キャンセル',
  },
  refundReason: {
    REQUESTED_BY_CUSTOMER: 'お客様のご依頼',
    DUPLICATE: '二重決済',
    FRAUDULENT: '不正利用',
    OTHER: 'その他',
  },
  failureReason: {
    EXPIRED: '有効期限切れ',
    LOST_OR_STOLEN_CARD: 'カードの紛失・盗難',
    INSUFFICIENT_FUNDS: '残高不足',
  },
  errorKind: {
    unauthorized: 'ログインの有効期限が切れました。もう一度ログインしてください。',
    forbidden: 'このお支払いを表示する権限がありません。',
    not_found: 'このお支払いが見つかりませんでした。',
    rate_limited: 'ただいまアクセスが集中しています。しばらくお待ちください。',
    server: '決済サービスで問題が発生しました。',
    timeout: '決済サービスの応答に時間がかかりすぎています。',
    network: '決済サービスに接続できませんでした。通信環境をご確認ください。',
    invalid_response: '決済サービスから読み取れない応答が返されました。',
    http: 'お支払いの確認中に問題が発生しました。',
    invalid_request: 'このお支払いのリンクは無効です。',
  },
  badgeReason: '（{reason}）',
  refundAmount: '金額',
  refundStatusLabel: '状態',
  refundReasonLabel: '理由',
  refundFailureReasonLabel: '失敗の理由',
  refundDate: '日付',
  refundsHeading: '返金',
  total: '合計',
  emptyRefunds: '返金はありません。',
  loading: 'お支払いを確認しています…',
  tryAgain: '再試行',
  retrying: '再試行中…',
  supportReference: 'お問い合わせ番号: {requestId}',
  panelLabel: 'お支払い状況',
  statusAnnouncement: 'お支払い状況: {status}。{description}',
};
