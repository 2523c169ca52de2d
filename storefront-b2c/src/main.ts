import '@marketgate/ui/tokens.css';
import { urqlPlugin } from '@marketgate/graphql-client';
import { createMarketgateI18n } from '@marketgate/ui';
import { createPinia, storeToRefs } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { messages } from './messages';
import { createAppRouter } from './router';
import { useSessionStore } from './stores/session';

const pinia = createPinia();
const { client } = storeToRefs(useSessionStore(pinia));

createApp(App)
  .use(pinia)
  .use(createMarketgateI18n(messages))
  .use(createAppRouter(pinia))
  .use(urqlPlugin, client)
  .mount('#app');
