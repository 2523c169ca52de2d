import type { RouteRecordRaw } from 'vue-router';
import { parseContractListQuery } from './contract-query';

/** The company's contracts: the list and one contract; router.ts mounts them. */
export const contractsRoutes: RouteRecordRaw[] = [
  {
    path: '/contracts',
    name: 'contracts',
    component: () => import('./ContractsPage.vue'),
    meta: { workspace: 'company' },
    props: (route) => ({ query: parseContractListQuery(route.query), side: 'company' }),
  },
  {
    path: '/contracts/:id',
    name: 'contract',
    component: () => import('./ContractPage.vue'),
    meta: { workspace: 'company', section: 'contracts' },
    props: (route) => ({ id: String(route.params.id), side: 'company' }),
  },
];

/** The seller's contracts, children of the seller workspace (`/seller/...`). */
export const sellerContractsRoutes: RouteRecordRaw[] = [
  {
    path: 'contracts',
    name: 'seller-contracts',
    component: () => import('./ContractsPage.vue'),
    props: (route) => ({ query: parseContractListQuery(route.query), side: 'seller' }),
  },
  {
    path: 'contracts/:id',
    name: 'seller-contract',
    component: () => import('./ContractPage.vue'),
    meta: { section: 'seller-contracts' },
    props: (route) => ({ id: String(route.params.id), side: 'seller' }),
  },
];
