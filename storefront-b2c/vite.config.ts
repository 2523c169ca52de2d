import { defineAppConfig } from '@marketgate/ui/vite';

export default defineAppConfig(5173);
