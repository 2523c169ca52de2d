import type { RecommendationCardFragment } from '@marketgate/graphql-client';
import { formatDateTime } from '@marketgate/ui';
import { useI18n } from 'vue-i18n';

/** Words why the gateway recommends a product, from the facts it sent with the reason. */
export function useReasonText() {
  const { t, locale } = useI18n();
  return (recommendation: RecommendationCardFragment): string => {
    const count = recommendation.count ?? 0;
    switch (recommendation.reason) {
      case 'REORDER':
        return t('dashboard.reason.REORDER', {
          count,
          date: recommendation.lastOrderedAt
            ? formatDateTime(recommendation.lastOrderedAt, locale.value)
            : '',
        });
      case 'SIMILAR_COMPANIES_BUY':
      case 'RENEWAL_ADDITIONS':
        return t(`dashboard.reason.${recommendation.reason}`, { count }, count);
      default:
        return '';
    }
  };
}
