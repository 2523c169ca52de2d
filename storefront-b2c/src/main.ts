import '@marketgate/ui/tokens.css';
import { createMarketgateClient, urqlPlugin } from '@marketgate/graphql-client';
import { createMarketgateI18n } from '@marketgate/ui';
import { createApp } from 'vue';
import App from './App.vue';
import { messages } from './messages';
import { createAppRouter } from './router';

createApp(App)
  .use(createMarketgateI18n(messages))
  .use(createAppRouter())
  .use(urqlPlugin, createMarketgateClient())
  .mount('#app');
