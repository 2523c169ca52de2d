export { default as BaseBreadcrumbs } from './components/BaseBreadcrumbs.vue';
export { default as BaseButton } from './components/BaseButton.vue';
export { default as BaseEmptyState } from './components/BaseEmptyState.vue';
export { default as BaseErrorState } from './components/BaseErrorState.vue';
export { default as BasePagination } from './components/BasePagination.vue';
export { default as BasePrice } from './components/BasePrice.vue';
export { default as BaseSelect } from './components/BaseSelect.vue';
export { default as BaseSpinner } from './components/BaseSpinner.vue';
export { default as BaseTextField } from './components/BaseTextField.vue';
export {
  default as CatalogToolbar,
  type CatalogSort,
  type SellerFacet,
} from './components/CatalogToolbar.vue';
export { default as LocaleSwitcher } from './components/LocaleSwitcher.vue';
export { default as ProductCard } from './components/ProductCard.vue';
export { default as ProductDetails } from './components/ProductDetails.vue';
export { default as ProductGallery } from './components/ProductGallery.vue';
export { default as ProductGrid } from './components/ProductGrid.vue';
export { default as ProductImage } from './components/ProductImage.vue';
export { default as ProductLayout } from './components/ProductLayout.vue';
export { default as QuantityStepper } from './components/QuantityStepper.vue';
export { default as StockStatus } from './components/StockStatus.vue';
export { default as VariantPicker, type VariantChoice } from './components/VariantPicker.vue';
export { usePageTitle } from './composables/use-page-title';
export { createMarketgateI18n, localeNames, supportedLocales, type SupportedLocale } from './i18n';
