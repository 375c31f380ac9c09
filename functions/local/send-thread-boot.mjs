// Entry of a send worker thread (send-threads.ts): the thread starts without the parent's loader, so
// it registers tsx itself before loading the TypeScript consumer. Local stack only; never bundled.
import { register } from 'tsx/esm/api';

register();
await import('./send-thread.ts');
